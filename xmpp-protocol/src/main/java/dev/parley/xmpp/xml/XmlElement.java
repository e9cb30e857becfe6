package dev.parley.xmpp.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An immutable XML element: local name, namespace URI, attributes and children.
 *
 * <p>Attribute keys are local names for attributes without a namespace, {@code xml:lang}-style keys for the
 * {@code xml} namespace, and Clark notation ({@code {uri}local}) for any other namespace. "Changing" an element
 * (the {@code with...} methods) returns a new element that shares the unchanged children, so stamping a
 * {@code from} on a large stanza never copies its payload.
 */
public final class XmlElement implements XmlNode {
    private final String name;
    private final String namespace;
    private final Map<String, String> attributes;
    private final List<XmlNode> children;
    /** The encoding under {@link Encoded#inheritedNamespace}; not volatile on purpose (see the class comment). */
    private Encoded encoded;

    private XmlElement(String name, String namespace, Map<String, String> attributes, List<XmlNode> children) {
        this.name = name;
        this.namespace = namespace;
        this.attributes = attributes;
        this.children = children;
    }

    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    /**
     * An element from {@link XmppStreamParser}, which hands over collections it never touches again: wrapping them
     * instead of copying keeps the parser's hot path to one allocation per node.
     */
    static XmlElement parsed(String name, String namespace, Map<String, String> attributes, List<XmlNode> children) {
        return new XmlElement(name, namespace,
                attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(attributes),
                children == null ? List.of()
                        : children.size() == 1 ? List.of(children.get(0)) : Collections.unmodifiableList(children));
    }

    /** An element with no attributes and no children. */
    public static XmlElement empty(String name, String namespace) {
        return new XmlElement(requireName(name), Objects.requireNonNull(namespace, "namespace"), Map.of(), List.of());
    }

    public String name() {
        return name;
    }

    /** The namespace URI, or the empty string for none. */
    public String namespace() {
        return namespace;
    }

    public boolean is(String name, String namespace) {
        return this.name.equals(name) && this.namespace.equals(namespace);
    }

    /** Attributes in document order; unmodifiable. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The attribute's value, or null when absent. */
    public String attribute(String key) {
        return attributes.get(key);
    }

    /** Child nodes in document order; unmodifiable. */
    public List<XmlNode> children() {
        return children;
    }

    public Stream<XmlElement> elements() {
        return children.stream().filter(XmlElement.class::isInstance).map(XmlElement.class::cast);
    }

    public Stream<XmlElement> elements(String name, String namespace) {
        return elements().filter(e -> e.is(name, namespace));
    }

    public Optional<XmlElement> child(String name, String namespace) {
        return elements(name, namespace).findFirst();
    }

    /** The first child element of the given namespace, whatever its name (the payload of an IQ, for instance). */
    public Optional<XmlElement> firstChild(String namespace) {
        return elements().filter(e -> e.namespace.equals(namespace)).findFirst();
    }

    /** The first child element, if any. */
    public Optional<XmlElement> firstChild() {
        return elements().findFirst();
    }

    /** The concatenated character data of the direct children. */
    public String text() {
        if (children.size() == 1 && children.get(0) instanceof XmlText t) {
            return t.text();
        }
        StringBuilder sb = new StringBuilder();
        for (XmlNode child : children) {
            if (child instanceof XmlText t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** The text of the first child element with this name and namespace, if present. */
    public Optional<String> childText(String name, String namespace) {
        return child(name, namespace).map(XmlElement::text);
    }

    public XmlElement withAttribute(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new XmlElement(name, namespace, Collections.unmodifiableMap(copy), children);
    }

    public XmlElement withChild(XmlNode child) {
        List<XmlNode> copy = new ArrayList<>(children.size() + 1);
        copy.addAll(children);
        copy.add(Objects.requireNonNull(child, "child"));
        return new XmlElement(name, namespace, attributes, Collections.unmodifiableList(copy));
    }

    public XmlElement withChildren(List<? extends XmlNode> newChildren) {
        return new XmlElement(name, namespace, attributes, List.copyOf(newChildren));
    }

    /** A copy without the child nodes that match. */
    public XmlElement withoutChildren(Predicate<? super XmlNode> remove) {
        List<XmlNode> kept = children.stream().filter(remove.negate()).map(XmlNode.class::cast).toList();
        return kept.size() == children.size() ? this : new XmlElement(name, namespace, attributes, kept);
    }

    /**
     * This element's UTF-8 encoding as the child of a parent whose default namespace is {@code inheritedNamespace},
     * memoised. The array is shared: callers must not change it (only {@link XmlWriter} sees it).
     */
    byte[] utf8(String inheritedNamespace) {
        Encoded memo = encoded;
        if (memo == null || !memo.inheritedNamespace.equals(inheritedNamespace)) {
            memo = new Encoded(inheritedNamespace, XmlWriter.toBytes(this, inheritedNamespace));
            encoded = memo;
        }
        return memo.bytes;
    }

    /** Final fields make a memo safe to publish by a plain write. */
    private static final class Encoded {
        final String inheritedNamespace;
        final byte[] bytes;

        Encoded(String inheritedNamespace, byte[] bytes) {
            this.inheritedNamespace = inheritedNamespace;
            this.bytes = bytes;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XmlElement e && name.equals(e.name) && namespace.equals(e.namespace)
                && attributes.equals(e.attributes) && children.equals(e.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, attributes, children);
    }

    @Override
    public String toString() {
        return XmlWriter.toXml(this);
    }

    private static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("element name must not be empty");
        }
        return name;
    }

    /** Builds an element; not thread-safe, use once. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<XmlNode> children = new ArrayList<>();

        private Builder(String name, String namespace) {
            this.name = requireName(name);
            this.namespace = Objects.requireNonNull(namespace, "namespace");
        }

        /** Sets an attribute; a null value leaves it out, which keeps optional attributes short to write. */
        public Builder attribute(String key, String value) {
            if (value != null) {
                attributes.put(key, value);
            }
            return this;
        }

        public Builder child(XmlNode child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        public Builder children(List<? extends XmlNode> nodes) {
            nodes.forEach(this::child);
            return this;
        }

        /** Adds a child element in the same namespace holding only text. */
        public Builder textChild(String childName, String text) {
            return child(XmlElement.builder(childName, namespace).text(text).build());
        }

        public Builder text(String text) {
            if (text != null && !text.isEmpty()) {
                children.add(new XmlText(text));
            }
            return this;
        }

        public XmlElement build() {
            return new XmlElement(name, namespace,
                    attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                    children.isEmpty() ? List.of() : List.copyOf(children));
        }
    }
}
