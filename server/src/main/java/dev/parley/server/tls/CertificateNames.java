package dev.parley.server.tls;

import java.net.IDN;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * The XMPP service identities a server certificate presents (RFC 6120 §13.7.1.2, RFC 6125 §6): DNS-IDs (dNSName,
 * with a wildcard allowed only as the whole left-most label), SRV-IDs ({@code _xmpp-client.} and
 * {@code _xmpp-server.} SRVNames, RFC 4985) and XmppAddr otherNames (RFC 6120 §13.7.1.4). The subject CN counts only
 * when the certificate has none of those (RFC 6125 §6.4.4). All names are kept in lower-case A-label form.
 */
record CertificateNames(Set<String> dnsNames, Set<String> srvDomains, Set<String> xmppAddrs, Set<String> commonNames) {
    /** id-on-xmppAddr, RFC 6120 §13.7.1.4. */
    static final ASN1ObjectIdentifier ID_ON_XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");
    /** id-on-dnsSRV, RFC 4985. */
    static final ASN1ObjectIdentifier ID_ON_DNS_SRV = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.7");
    private static final String[] XMPP_SERVICES = {"_xmpp-client.", "_xmpp-server."};

    CertificateNames {
        dnsNames = Set.copyOf(dnsNames);
        srvDomains = Set.copyOf(srvDomains);
        xmppAddrs = Set.copyOf(xmppAddrs);
        commonNames = Set.copyOf(commonNames);
    }

    static CertificateNames of(X509Certificate certificate) throws TlsSetupException {
        Set<String> dns = new LinkedHashSet<>();
        Set<String> srv = new LinkedHashSet<>();
        Set<String> xmpp = new LinkedHashSet<>();
        Set<String> cn = new LinkedHashSet<>();
        JcaX509CertificateHolder holder;
        try {
            holder = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new TlsSetupException("cannot read certificate " + certificate.getSubjectX500Principal(), e);
        }
        GeneralNames sans = GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
        if (sans != null) {
            for (GeneralName name : sans.getNames()) {
                if (name.getTagNo() == GeneralName.dNSName) {
                    ascii(((ASN1String) name.getName()).getString()).ifPresent(dns::add);
                } else if (name.getTagNo() == GeneralName.otherName) {
                    readOtherName(OtherName.getInstance(name.getName()), srv, xmpp);
                }
            }
        }
        for (RDN rdn : holder.getSubject().getRDNs(BCStyle.CN)) {
            ascii(IETFUtils.valueToString(rdn.getFirst().getValue())).ifPresent(cn::add);
        }
        return new CertificateNames(dns, srv, xmpp, cn);
    }

    private static void readOtherName(OtherName otherName, Set<String> srv, Set<String> xmpp) {
        ASN1Encodable value = otherName.getValue();
        if (!(value instanceof ASN1String string)) {
            return; // malformed: an identity we cannot read is one we do not claim
        }
        if (ID_ON_XMPP_ADDR.equals(otherName.getTypeID())) {
            ascii(string.getString()).ifPresent(xmpp::add);
        } else if (ID_ON_DNS_SRV.equals(otherName.getTypeID())) {
            for (String service : XMPP_SERVICES) {
                if (string.getString().toLowerCase(Locale.ROOT).startsWith(service)) {
                    ascii(string.getString().substring(service.length())).ifPresent(srv::add);
                }
            }
        }
    }

    /** Whether the certificate may serve {@code domain} (lower-case A-label form). */
    boolean covers(String domain) {
        if (dnsNames.contains(domain) || srvDomains.contains(domain) || xmppAddrs.contains(domain)) {
            return true;
        }
        int dot = domain.indexOf('.');
        if (dot > 0 && dnsNames.contains("*" + domain.substring(dot))) {
            return true;
        }
        return dnsNames.isEmpty() && srvDomains.isEmpty() && xmppAddrs.isEmpty() && commonNames.contains(domain);
    }

    @Override
    public String toString() {
        Set<String> all = new LinkedHashSet<>(dnsNames);
        all.addAll(srvDomains);
        all.addAll(xmppAddrs);
        if (all.isEmpty()) {
            all.addAll(commonNames);
        }
        return all.toString();
    }

    /** Lower-case A-label form of a name, or empty for something that is not a host name (it then covers nothing). */
    static Optional<String> ascii(String name) {
        try {
            String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            if (trimmed.startsWith("*.")) {
                return Optional.of("*." + IDN.toASCII(trimmed.substring(2)).toLowerCase(Locale.ROOT));
            }
            return Optional.of(IDN.toASCII(trimmed).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
