package city.beacon.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;

/**
 * Every string a client sends is refused, naming its field, if it holds a character XML cannot carry (NUL and other
 * control characters, lone surrogates, U+FFFE/U+FFFF): such text would end up in CAP alerts and exports. Checking
 * while reading, before any command is built, makes the answer a 400 whatever state the target is in.
 */
final class XmlSafeStrings extends StdScalarDeserializer<String> {
    XmlSafeStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!allowed(c)) {
                throw InvalidFormatException.from(parser, "contains a character that is not allowed (U+"
                        + String.format("%04X", c) + " at position " + i + ")", value, String.class);
            }
            i += Character.charCount(c);
        }
        return value;
    }

    static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
