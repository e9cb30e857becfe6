package dev.parley.server.modules.privatestorage;

import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.xmpp.xml.XmlElement;

import java.nio.charset.StandardCharsets;

/**
 * What may be stored as private XML (XEP-0049 §2.3) and under which {@link KeyValueStore} key: one entry per element
 * name and namespace, {@code private:{namespace}name}. XML names cannot contain '}', so the key is unambiguous.
 */
final class PrivateXml {
    static final String KEY_PREFIX = "private:";

    private PrivateXml() {
    }

    static String key(XmlElement element) {
        return KEY_PREFIX + "{" + element.namespace() + "}" + element.name();
    }

    /**
     * XEP-0049 §2.3: "namespaces beginning with 'jabber:' or 'http://jabber.org/', as well as 'vcard-temp'" are
     * reserved. Refusing them keeps private storage from shadowing protocols the server itself speaks.
     */
    static boolean reserved(String namespace) {
        return namespace.startsWith("jabber:") || namespace.startsWith("http://jabber.org/")
                || namespace.equals("vcard-temp");
    }

    /** Why {@code element} cannot be stored or asked for, or null when it can. */
    static String problem(XmlElement element) {
        if (element.namespace().isEmpty() || element.namespace().equals(PrivateStorageModule.NAMESPACE)) {
            return "The element <" + element.name() + "/> needs a namespace of its own";
        }
        if (reserved(element.namespace())) {
            return "The namespace " + element.namespace() + " is reserved";
        }
        if (key(element).getBytes(StandardCharsets.UTF_8).length > KeyValueStore.MAX_KEY_OCTETS) {
            return "The element's name and namespace are too long";
        }
        return null;
    }
}
