package dev.parley.server.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

/** The JID matching of XEP-0191 §6 (XEP-0016 §2.1), one row per item form and entity form. */
class BlockListTest {
    @ParameterizedTest(name = "item {0} blocks {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # item: user@domain/resource — only that resource
            romeo@example.net/orchard | romeo@example.net/orchard | true
            romeo@example.net/orchard | romeo@example.net/garden  | false
            romeo@example.net/orchard | romeo@example.net         | false
            romeo@example.net/orchard | example.net               | false
            # item: user@domain — any resource of it
            romeo@example.net         | romeo@example.net         | true
            romeo@example.net         | romeo@example.net/orchard | true
            romeo@example.net         | ROMEO@Example.NET/orchard | true
            romeo@example.net         | juliet@example.net        | false
            romeo@example.net         | example.net               | false
            romeo@example.net         | example.net/romeo         | false
            romeo@example.net         | romeo@example.org         | false
            # item: domain/resource — only that resource
            example.net/bot           | example.net/bot           | true
            example.net/bot           | example.net/other         | false
            example.net/bot           | example.net               | false
            example.net/bot           | romeo@example.net/bot     | false
            # item: domain — the domain itself and everything at it
            example.net               | example.net               | true
            example.net               | example.net/bot           | true
            example.net               | romeo@example.net         | true
            example.net               | romeo@example.net/orchard | true
            example.net               | romeo@example.org         | false
            example.net               | sub.example.net           | false
            """)
    void matchingRules(String item, String entity, boolean blocked) {
        Jid itemJid = Jid.parse(item);
        Jid entityJid = Jid.parse(entity);
        assertThat(BlockList.matches(itemJid, entityJid)).isEqualTo(blocked);
        assertThat(BlockList.of(List.of(itemJid)).blocks(entityJid)).as("the list's look-up").isEqualTo(blocked);
        assertThat(BlockList.of(List.of(Jid.parse("unrelated@example.com"), itemJid)).blocks(entityJid))
                .as("among other items").isEqualTo(blocked);
    }

    @Test
    void anEmptyListBlocksNothing() {
        assertThat(BlockList.EMPTY.blocks(Jid.parse("romeo@example.net/orchard"))).isFalse();
    }

    @Test
    void addingAndRemovingKeepOrderAndIgnoreDuplicatesAndStrangers() {
        Jid a = Jid.parse("a@example.net");
        Jid b = Jid.parse("example.org");
        Jid c = Jid.parse("c@example.net/r");
        BlockList list = BlockList.EMPTY.with(List.of(a, b)).with(List.of(b, c));
        assertThat(list.items()).containsExactly(a, b, c);
        assertThat(list.without(List.of(b, Jid.parse("stranger@example.net"))).items()).containsExactly(a, c);
        assertThat(list.without(List.of(a, b, c))).isSameAs(BlockList.EMPTY);
    }

    @Test
    void theStoredFormReadsBackAsTheSameList() {
        BlockList list = BlockList.of(List.of(Jid.parse("a@example.net"), Jid.parse("example.org/r")));
        assertThat(BlockingXml.read(list.toElement())).isEqualTo(list);
    }
}
