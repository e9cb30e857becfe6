package dev.parley.server.modules.adhoc;

import dev.parley.server.admin.AdminCommand;
import dev.parley.server.admin.AdminField;
import dev.parley.server.admin.AdminResult;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The XEP-0050 {@code <command/>} payloads for each stage of an admin command, with XEP-0133 forms. */
final class CommandForms {
    private CommandForms() {
    }

    static XmlElement.Builder status(String node, String sessionId, String status) {
        return XmlElement.builder("command", AdHocCommandsModule.NAMESPACE)
                .attribute("node", node).attribute("sessionid", sessionId).attribute("status", status);
    }

    /** The first stage: the form to fill in, with "complete" as the only next action (XEP-0050 §3.4.1). */
    static XmlElement stage(String node, String sessionId, AdminCommand command) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.hidden(FormField.FORM_TYPE, AdHocCommandsModule.FORM_TYPE));
        for (AdminField field : command.fields()) {
            List<FormField.Option> options = field.options().stream()
                    .map(option -> new FormField.Option(option, option)).toList();
            fields.add(new FormField(field.var(), field.type().formType(), field.label(), field.required(), List.of(),
                    options));
        }
        XmlElement actions = XmlElement.builder("actions", AdHocCommandsModule.NAMESPACE).attribute("execute", "complete")
                .child(XmlElement.empty("complete", AdHocCommandsModule.NAMESPACE)).build();
        return status(node, sessionId, "executing")
                .child(actions)
                .child(new DataForm(DataForm.Type.FORM, command.title(), List.of(), fields).toElement())
                .build();
    }

    /**
     * The last stage: a note for people and, when the command reports values, a result form typed and labelled by
     * the command's result fields (XEP-0133 §4.20 needs {@code jid-multi} for its list of JIDs).
     */
    static XmlElement completed(String node, String sessionId, AdminCommand command, AdminResult result) {
        XmlElement.Builder completed = status(node, sessionId, "completed");
        completed.child(XmlElement.builder("note", AdHocCommandsModule.NAMESPACE).attribute("type", "info")
                .text(result.message()).build());
        if (!result.values().isEmpty()) {
            List<FormField> fields = new ArrayList<>();
            fields.add(FormField.hidden(FormField.FORM_TYPE, AdHocCommandsModule.FORM_TYPE));
            for (Map.Entry<String, List<String>> value : result.values().entrySet()) {
                AdminField declared = command.results().stream().filter(field -> field.var().equals(value.getKey()))
                        .findFirst().orElse(null);
                fields.add(declared == null ? FormField.of(value.getKey(), null, null, false, value.getValue())
                        : FormField.of(declared.var(), declared.type().formType(), declared.label(), false,
                        value.getValue()));
            }
            completed.child(new DataForm(DataForm.Type.RESULT, null, List.of(), fields).toElement());
        }
        return completed.build();
    }
}
