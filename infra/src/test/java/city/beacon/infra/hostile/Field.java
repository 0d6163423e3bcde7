package city.beacon.infra.hostile;

/**
 * One field of a JSON request body, as the suite attacks it.
 *
 * @param path      dotted path in the body ("location.lat"), also the field the problem must name
 * @param type      what the field holds
 * @param required  whether a missing or null value is an error
 * @param limit     for text, the longest accepted length; for numbers, the largest accepted magnitude
 */
record Field(String path, Type type, boolean required, double limit) {
    enum Type { TEXT, ENUM, NUMBER, BOOLEAN, OBJECT, ARRAY }

    static Field text(String path, boolean required, int maxLength) {
        return new Field(path, Type.TEXT, required, maxLength);
    }

    static Field enumeration(String path, boolean required) {
        return new Field(path, Type.ENUM, required, 0);
    }

    static Field number(String path, boolean required, double maxMagnitude) {
        return new Field(path, Type.NUMBER, required, maxMagnitude);
    }

    static Field bool(String path) {
        return new Field(path, Type.BOOLEAN, false, 0);
    }

    static Field object(String path, boolean required) {
        return new Field(path, Type.OBJECT, required, 0);
    }

    static Field array(String path, boolean required, int maxSize) {
        return new Field(path, Type.ARRAY, required, maxSize);
    }
}
