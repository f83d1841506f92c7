package dev.elements.facebook.fake;

/**
 * A file part of a {@code multipart/form-data} request, as the fake received it.
 *
 * @param name the part's name, such as {@code source}
 * @param filename the file name the client gave, or {@code null}
 * @param contentType the part's {@code Content-Type}, or {@code null}
 * @param content the file's bytes, unchanged
 */
public record UploadedFile(String name, String filename, String contentType, byte[] content) {
    public UploadedFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
