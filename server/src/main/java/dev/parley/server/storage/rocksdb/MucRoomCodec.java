package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.MucRoom;
import dev.parley.server.api.storage.XmlCodec;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of {@link RocksDbMucStore}: the room as one element in {@link XmlCodec} form,
 * {@code <room subject=''><field var=''><value/>...</field>...<affiliation jid='' affiliation='' nick=''/>...</room>}.
 */
final class MucRoomCodec {
    private static final String NAMESPACE = "urn:parley:storage:muc-room:1";

    private MucRoomCodec() {
    }

    static byte[] encode(MucRoom room) {
        XmlElement.Builder element = XmlElement.builder("room", NAMESPACE).attribute("subject", room.subject());
        room.config().forEach((var, values) -> {
            XmlElement.Builder field = XmlElement.builder("field", NAMESPACE).attribute("var", var);
            values.forEach(value -> field.textChild("value", value));
            element.child(field.build());
        });
        room.affiliations().forEach((jid, affiliation) -> element.child(XmlElement.builder("affiliation", NAMESPACE)
                .attribute("jid", jid.toString()).attribute("affiliation", affiliation.name())
                .attribute("nick", affiliation.nick()).build()));
        return XmlCodec.encode(element.build());
    }

    static MucRoom decode(Jid jid, byte[] value) {
        XmlElement element = XmlCodec.decode(value);
        Map<String, List<String>> config = new LinkedHashMap<>();
        element.elements("field", NAMESPACE).forEach(field -> {
            List<String> values = new ArrayList<>();
            field.elements("value", NAMESPACE).forEach(v -> values.add(v.text()));
            config.put(field.attribute("var"), values);
        });
        Map<Jid, MucRoom.Affiliation> affiliations = new LinkedHashMap<>();
        element.elements("affiliation", NAMESPACE).forEach(a -> affiliations.put(Jid.parse(a.attribute("jid")),
                new MucRoom.Affiliation(a.attribute("affiliation"), a.attribute("nick"))));
        String subject = element.attribute("subject");
        return new MucRoom(jid, config, affiliations, subject == null ? "" : subject);
    }
}
