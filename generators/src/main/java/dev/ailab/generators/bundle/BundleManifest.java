package dev.ailab.generators.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ailab.core.error.OperationFailedException;
import java.io.IOException;
import java.util.List;

/**
 * The manifest of a bundle, its first entry: the toolkit and config versions, the charts with
 * where they came from, the images with their digests, and every other file with its size and
 * SHA-256. Written with sorted lists and no clock, so an unchanged config gives the same bytes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
        @JsonProperty("format") int format,
        @JsonProperty("toolkit_version") String toolkitVersion,
        @JsonProperty("generator_version") String generatorVersion,
        @JsonProperty("project") String project,
        @JsonProperty("mode") String mode,
        @JsonProperty("config_sha256") String configSha256,
        @JsonProperty("charts") List<Chart> charts,
        @JsonProperty("images") List<Image> images,
        @JsonProperty("files") List<FileEntry> files) {

    public static final int FORMAT = 1;
    /** The first entry of a bundle. */
    public static final String PATH = "manifest.json";
    /** The second entry: the SHA-256 of the manifest, in {@code sha256sum} form. */
    public static final String CHECKSUM_PATH = "manifest.json.sha256";

    /** A chart: table name, version, file in the bundle, the repository it was fetched from. */
    public record Chart(@JsonProperty("name") String name, @JsonProperty("version") String version,
                        @JsonProperty("file") String file, @JsonProperty("sha256") String sha256,
                        @JsonProperty("source") String source) {
    }

    /** An image a chart's rendered objects or values name; digest when copied (--images). */
    public record Image(@JsonProperty("reference") String reference, @JsonProperty("digest") String digest,
                        @JsonProperty("charts") List<String> charts) {
    }

    public record FileEntry(@JsonProperty("path") String path, @JsonProperty("size") long size,
                            @JsonProperty("sha256") String sha256) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public byte[] toBytes() {
        try {
            byte[] b = JSON.writeValueAsBytes(this);
            byte[] nl = new byte[b.length + 1];
            System.arraycopy(b, 0, nl, 0, b.length);
            nl[b.length] = '\n';
            return nl;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BundleManifest parse(byte[] bytes, String where) {
        try {
            BundleManifest m = JSON.readValue(bytes, BundleManifest.class);
            if (m.format != FORMAT || m.files == null || m.charts == null) {
                throw new OperationFailedException(where + ": the manifest is not one this version reads (format "
                        + m.format + ")", "make the bundle again with this version of vectorweight");
            }
            return m;
        } catch (IOException e) {
            throw new OperationFailedException(where + ": the manifest is not valid JSON",
                    "the bundle is damaged: copy it again, or make it again with 'vectorweight bundle create'");
        }
    }
}
