package dev.parley.server.modules.adhoc;

import dev.parley.server.admin.AdminCommand;
import dev.parley.server.admin.AdminField;
import dev.parley.server.admin.AdminResult;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

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
            fields.add(FormField.of(field.var(), field.type().formType(), field.label(), field.required(), List.of()));
        }
        XmlElement actions = XmlElement.builder("actions", AdHocCommandsModule.NAMESPACE).attribute("execute", "complete")
                .child(XmlElement.empty("complete", AdHocCommandsModule.NAMESPACE)).build();
        return status(node, sessionId, "executing")
                .child(actions)
                .child(new DataForm(DataForm.Type.FORM, command.title(), List.of(), fields).toElement())
                .build();
    }

    static XmlElement completed(String node, String sessionId, AdminResult result) {
        XmlElement.Builder command = status(node, sessionId, "completed");
        command.child(XmlElement.builder("note", AdHocCommandsModule.NAMESPACE).attribute("type", "info")
                .text(result.message()).build());
        if (!result.values().isEmpty()) {
            List<FormField> fields = new ArrayList<>();
            fields.add(FormField.hidden(FormField.FORM_TYPE, AdHocCommandsModule.FORM_TYPE));
            result.values().forEach((var, value) -> fields.add(FormField.of(var, null, null, false, List.of(value))));
            command.child(new DataForm(DataForm.Type.RESULT, null, List.of(), fields).toElement());
        }
        return command.build();
    }
}
