package dev.parley.server.config;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes configuration YAML into a node tree (keeping line and column marks) and refuses what a configuration file
 * has no use for and an attacker or a mistake could exploit: documents over {@link #MAX_CODE_POINTS}, nesting deeper
 * than {@link #MAX_NESTING}, anchors and aliases, and explicit tags. Nothing is ever constructed into Java objects.
 */
final class YamlDocument {
    static final int MAX_CODE_POINTS = 1024 * 1024;
    static final int MAX_NESTING = 16;

    private static final Resolver RESOLVER = new Resolver();

    private YamlDocument() {
    }

    /** The root node, or null for an empty document; problems found go to {@code problems}. */
    static Node compose(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(withoutBom));
        } catch (MarkedYAMLException e) {
            problems.add(e.getProblemMark(), null, "not valid YAML: " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
            return null;
        } catch (YAMLException e) {
            problems.add((Node) null, null, "not valid YAML: " + e.getMessage());
            return null;
        }
        if (root != null) {
            refuseAnchorsAndTags(root, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return root;
    }

    /**
     * Anchored nodes are reported and not descended into; since every alias points at an anchored node, this also
     * keeps self-referencing structures from recursing.
     */
    private static void refuseAnchorsAndTags(Node node, Problems problems, Set<Node> reported) {
        if (node.getAnchor() != null) {
            if (reported.add(node)) {
                problems.add(node, null, "anchors and aliases (&" + node.getAnchor() + ", *" + node.getAnchor()
                        + ") are not allowed in the configuration");
            }
            return;
        }
        if (!node.getTag().equals(implicitTag(node))) {
            problems.add(node, null, "explicit tags (" + node.getTag().getValue() + ") are not allowed in the "
                    + "configuration; write plain values");
        }
        switch (node) {
            case MappingNode mapping -> {
                for (NodeTuple tuple : mapping.getValue()) {
                    refuseAnchorsAndTags(tuple.getKeyNode(), problems, reported);
                    refuseAnchorsAndTags(tuple.getValueNode(), problems, reported);
                }
            }
            case SequenceNode sequence -> sequence.getValue().forEach(item -> refuseAnchorsAndTags(item, problems, reported));
            default -> {
            }
        }
    }

    /** The tag the node would have had without an explicit one. */
    private static Tag implicitTag(Node node) {
        return switch (node) {
            case ScalarNode scalar -> RESOLVER.resolve(NodeId.scalar, scalar.getValue(), scalar.isPlain());
            case SequenceNode sequence -> Tag.SEQ;
            default -> Tag.MAP;
        };
    }
}
