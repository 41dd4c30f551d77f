package fr.preau.mail.compose;

/** How a new message starts from a received one. */
public enum ReplyMode {
    REPLY,
    REPLY_ALL,
    FORWARD,
    /** The original travels whole, as a message/rfc822 attachment. */
    FORWARD_ATTACHMENT;

    public boolean isForward() {
        return this == FORWARD || this == FORWARD_ATTACHMENT;
    }
}
