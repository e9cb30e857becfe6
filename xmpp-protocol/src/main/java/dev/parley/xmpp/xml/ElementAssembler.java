package dev.parley.xmpp.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds top-level elements straight from parser events: a stack of open elements, with adjacent character data
 * (split by the parser at buffer boundaries, entities and CDATA sections) joined into one {@link XmlText}.
 * Frames are reused from one element to the next; only the finished tree is allocated.
 */
final class ElementAssembler {
    /** Text buffers above this many chars are dropped after use, so one large stanza does not pin memory. */
    private static final int RETAINED_TEXT_CAPACITY = 1024;

    private final List<Frame> frames = new ArrayList<>();
    private int open;
    private StringBuilder text = new StringBuilder(64);

    /** Number of elements currently open. */
    int depth() {
        return open;
    }

    void start(String name, String namespace, Map<String, String> attributes) {
        flushText();
        if (open == frames.size()) {
            frames.add(new Frame());
        }
        frames.get(open++).reset(name, namespace, attributes);
    }

    void text(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }

    /** Closes the innermost element; returns it when it was top-level, else adds it to its parent and returns null. */
    XmlElement end() {
        flushText();
        Frame frame = frames.get(--open);
        XmlElement element = frame.build();
        if (open == 0) {
            return element;
        }
        frames.get(open - 1).add(element);
        return null;
    }

    private void flushText() {
        if (text.isEmpty()) {
            return;
        }
        frames.get(open - 1).add(new XmlText(text.toString()));
        if (text.capacity() > RETAINED_TEXT_CAPACITY) {
            text = new StringBuilder(64);
        } else {
            text.setLength(0);
        }
    }

    private static final class Frame {
        private String name;
        private String namespace;
        private Map<String, String> attributes;
        private List<XmlNode> children;

        void reset(String name, String namespace, Map<String, String> attributes) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
            this.children = null;
        }

        void add(XmlNode child) {
            if (children == null) {
                children = new ArrayList<>(4);
            }
            children.add(child);
        }

        XmlElement build() {
            XmlElement element = XmlElement.parsed(name, namespace, attributes, children);
            attributes = null;
            children = null;
            return element;
        }
    }
}
