package city.beacon.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;

import java.io.IOException;

/**
 * A {@code boolean} field takes {@code true} or {@code false} only: {@code "drill": null} is refused, as a string or
 * a number is. An absent field still means false (Beacon's choice for optional flags such as "drill").
 */
final class StrictBooleans extends StdScalarDeserializer<Boolean> {
    StrictBooleans() {
        super(Boolean.TYPE);
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        return (Boolean) context.handleUnexpectedToken(Boolean.TYPE, parser);
    }

    /** An explicit JSON null. */
    @Override
    public Boolean getNullValue(DeserializationContext context) throws JsonMappingException {
        throw InvalidNullException.from(context, null, context.constructType(Boolean.TYPE));
    }

    /** The field is not in the document at all. */
    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return Boolean.FALSE;
    }
}
