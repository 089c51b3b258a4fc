package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@DisplayName("The texts of an update")
class UpdateTextTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(UpdateText.class)
    @DisplayName("are named as the update's form labels its field")
    void labelledAsInTheForm(UpdateText text) throws IOException {
        JsonNode form;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/submitUpdate.form")) {
            form = new ObjectMapper().readTree(in);
        }
        JsonNode field = form.findParents("key").stream()
                .filter(component -> text.variable().equals(component.get("key").asText())).findFirst().orElseThrow();
        assertThat(field.get("label").asText()).isEqualTo(text.label());
    }
}
