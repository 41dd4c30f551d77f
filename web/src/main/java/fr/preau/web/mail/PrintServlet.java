package fr.preau.web.mail;

import java.io.IOException;
import java.util.List;

import fr.preau.mail.Attachment;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MessageBody;
import fr.preau.mail.MessageContent;
import fr.preau.web.shared.Formats;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The print view: the message's header (subject, sender, recipients, date, attachments) written by the portal and
 * its sanitised body, as one document under the same policy as the reading frame (no script). The browser's print
 * command prints it as it is shown.
 */
@WebServlet("/mail/impression")
public class PrintServlet extends ReadingServlet {
    private static final long serialVersionUID = 1L;
    private static final String PRINT_STYLE = "body{max-width:800px;margin:0 auto;padding:16px}"
            + ".print-head{border-bottom:2px solid #1f2937;margin-bottom:16px}"
            + ".print-head h1{font-size:20px;margin:0 0 8px}.print-head dl{display:grid;"
            + "grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px}.print-head dt{font-weight:600}"
            + ".print-head dd{margin:0}.print-hint{color:#4b5563;font-size:13px}"
            + "@media print{.print-hint{display:none}body{padding:0}}";

    @Override
    protected void serve(HttpServletRequest req, HttpServletResponse resp, ReadingHttp.Target target)
            throws IOException {
        boolean images = "1".equals(req.getParameter("images"));
        MessageContent content = reading().peek(target.folder(), target.uid());
        MessageBody body = content.html() ? reading().body(target.folder(), target.uid(), images,
                MessageBodyServlet.partUrlPrefix(req, target)) : null;
        String subject = content.summary().subject() == null || content.summary().subject().isBlank()
                ? ReadingHttp.text(req, "mail.noSubject") : content.summary().subject();
        Formats formats = new Formats();
        StringBuilder head = new StringBuilder("<header class=\"print-head\"><p class=\"print-hint\">")
                .append(ReadingHttp.escape(ReadingHttp.text(req, "mail.print.hint"))).append("</p><h1>")
                .append(ReadingHttp.escape(subject)).append("</h1><dl>");
        MailAddress from = content.summary().from();
        row(head, ReadingHttp.text(req, "mail.reading.from"),
                from == null ? ReadingHttp.text(req, "mail.unknownSender") : from.toString());
        addresses(head, ReadingHttp.text(req, "mail.reading.to"), content.to());
        addresses(head, ReadingHttp.text(req, "mail.reading.cc"), content.cc());
        row(head, ReadingHttp.text(req, "mail.reading.date"), formats.longDate(content.summary().date()));
        List<Attachment> listed = content.listedAttachments();
        if (!listed.isEmpty()) {
            row(head, ReadingHttp.text(req, "mail.reading.attachments"), String.join(", ",
                    listed.stream().map(a -> a.name() + " (" + formats.size(a.size()) + ")").toList()));
        }
        head.append("</dl></header>");
        String sanitised = body != null ? body.html()
                : "<pre class=\"plain\">" + ReadingHttp.escape(content.text()) + "</pre>";
        // The portal's own header, then the sanitiser's output as it is.
        String page = MessageBodyServlet.document(subject, PRINT_STYLE,
                "<main>" + head + "<div class=\"print-body\">" + sanitised + "</div></main>");
        MessageBodyServlet.write(req, resp, page, body != null && body.remoteImagesShown(), "'none'");
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<dt>").append(ReadingHttp.escape(label)).append("</dt><dd>").append(ReadingHttp.escape(value))
                .append("</dd>");
    }

    private static void addresses(StringBuilder b, String label, List<MailAddress> list) {
        if (!list.isEmpty()) {
            row(b, label, String.join(", ", list.stream().map(MailAddress::toString).toList()));
        }
    }
}
