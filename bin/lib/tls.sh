# shellcheck shell=bash
# Self-signed certificate shared by Dovecot (IMAP STARTTLS/IMAPS,
# ManageSieve) and Postfix (STARTTLS), generated once per PREAU_HOME.

tls_ensure() {
    local dir=$PREAU_HOME/tls
    [[ -s $dir/cert.pem && -s $dir/key.pem ]] && return 0
    mkdir -p "$dir"
    info "certificat TLS auto-signé : $dir/cert.pem"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
        -subj "/O=Préau (développement)/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,DNS:mail.${PREAU_MAIL_DOMAIN},IP:127.0.0.1" \
        -keyout "$dir/key.pem" -out "$dir/cert.pem" >>"$(log_file tls)" 2>&1 ||
        die "génération du certificat TLS impossible (openssl), journal : $(log_file tls)"
    # Read by the Dovecot and Postfix masters while still root.
    chmod 600 "$dir/key.pem"
    chmod 644 "$dir/cert.pem"
}
