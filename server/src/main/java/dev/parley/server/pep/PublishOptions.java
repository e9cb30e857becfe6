package dev.parley.server.pep;

import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing options (XEP-0060 §7.1.5): each field of the form is a precondition on the node configuration. For an
 * existing node every precondition must hold, or the publish fails with {@code conflict} and
 * {@code <precondition-not-met/>}; a missing node is auto-created with the defaults overridden by the preconditions.
 * Unknown fields are refused ("it MUST reject the publication upon encountering unknown fields").
 */
final class PublishOptions {
    static final String FORM_TYPE = "http://jabber.org/protocol/pubsub#publish-options";

    /** The decision on one publish. */
    sealed interface Decision {
        /** Publish; {@code config} is the configuration of the node if it has to be created. */
        record Publish(NodeConfig config) implements Decision {
        }

        /** {@code conflict} + {@code <precondition-not-met/>}. */
        record NotMet(String reason) implements Decision {
        }

        /** {@code bad-request}: the options are not a valid publish-options form. */
        record BadRequest(String reason) implements Decision {
        }
    }

    private PublishOptions() {
    }

    /**
     * Reads the {@code <publish-options/>} element (null when the request has none) into its preconditions; empty
     * when it is malformed: no data form, a form of another type (XEP-0068 FORM_TYPE) or of type other than submit.
     */
    static Optional<Map<String, List<String>>> preconditions(XmlElement publishOptions) {
        if (publishOptions == null || publishOptions.elements().findAny().isEmpty()) {
            return Optional.of(Map.of());
        }
        Optional<DataForm> form = DataForm.findIn(publishOptions);
        if (form.isEmpty() || form.get().type() != DataForm.Type.SUBMIT
                || !form.get().field(FormField.FORM_TYPE).map(FormField::firstValue).filter(FORM_TYPE::equals)
                .isPresent()) {
            return Optional.empty();
        }
        return Optional.of(form.get().values());
    }

    static Decision decide(Optional<NodeConfig> existing, Map<String, List<String>> preconditions, int maxItemsLimit) {
        NodeConfig base = existing.orElseGet(NodeConfig::defaults);
        return switch (ConfigForm.read(base, preconditions, maxItemsLimit)) {
            case ConfigForm.Outcome.Unsupported unsupported ->
                    new Decision.NotMet("Unsupported publish option " + unsupported.var());
            case ConfigForm.Outcome.Invalid invalid ->
                    new Decision.BadRequest("Publish option " + invalid.var() + " must be " + invalid.reason());
            case ConfigForm.Outcome.Applied applied -> existing.isEmpty() || applied.config().equals(base)
                    ? new Decision.Publish(applied.config())
                    : new Decision.NotMet("The node's configuration does not match the publish options");
        };
    }
}
