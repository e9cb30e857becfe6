package dev.parley.xmpp.forms;

import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0004 §3.3 list fields: options are written after the values and read back as they were. */
class FormFieldOptionsTest {
    private static final FormField MAX_ITEMS = new FormField("max_items", "list-single", "Maximum number of items",
            false, List.of("25"), List.of(new FormField.Option("25", "25"), new FormField.Option(null, "none")));

    @Test
    void optionsFollowTheValues() {
        XmlElement field = MAX_ITEMS.toElement();

        assertThat(XmlWriter.toXml(field, DataForm.NAMESPACE)).isEqualTo(
                "<field var='max_items' type='list-single' label='Maximum number of items'><value>25</value>"
                        + "<option label='25'><value>25</value></option><option><value>none</value></option></field>");
    }

    @Test
    void aFormWithOptionsReadsBackEqual() {
        DataForm form = new DataForm(DataForm.Type.FORM, "List", List.of(), List.of(MAX_ITEMS));

        assertThat(DataForm.parse(form.toElement())).hasValue(form);
    }

    @Test
    void optionsWithoutAValueAreIgnored() {
        XmlElement field = XmlElement.builder("field", DataForm.NAMESPACE).attribute("var", "choice")
                .child(XmlElement.builder("option", DataForm.NAMESPACE).attribute("label", "empty").build())
                .child(XmlElement.builder("option", DataForm.NAMESPACE).textChild("value", "kept").build())
                .build();

        assertThat(FormField.parse(field).options()).containsExactly(new FormField.Option(null, "kept"));
    }
}
