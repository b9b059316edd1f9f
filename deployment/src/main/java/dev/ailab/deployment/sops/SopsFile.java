package dev.ailab.deployment.sops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.yaml.YamlWriter;
import dev.ailab.deployment.secrets.AgeCrypto;
import dev.ailab.deployment.secrets.AgeIdentity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * YAML files in the SOPS format, encrypted for age recipients, written and read without the
 * {@code sops} tool (its format, as its implementation and the files it writes show):
 *
 * <ul>
 *   <li>a random 32-byte data key, wrapped once per age recipient (armored) under {@code sops.age};
 *   <li>each value to encrypt (by {@code encrypted_regex} against any key on its path) becomes
 *       {@code ENC[AES256_GCM,data:..,iv:..,tag:..,type:str|int|float|bool]}: AES-256-GCM with a
 *       32-byte random IV, the additional data being the keys of its path joined by ':' plus ':';
 *   <li>the MAC: SHA-512 over every value in document order (encrypted or not, as sops writes
 *       them: booleans {@code True}/{@code False}), upper-case hex, itself encrypted with the
 *       data key and {@code sops.lastmodified} as additional data.
 * </ul>
 *
 * A decrypted value never leaves this class except in the {@link Decrypted} the caller asked for.
 */
public final class SopsFile {
    /** What vectorweight encrypts in a Kubernetes Secret: its data, nothing of its metadata. */
    public static final String SECRET_REGEX = "^(data|stringData)$";
    /** The sops format version written in the metadata (the one whose format this follows). */
    public static final String FORMAT_VERSION = "3.9.4";

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern ENC = Pattern.compile("^ENC\\[AES256_GCM,data:(.*),iv:(.+),tag:(.+),type:(.+)\\]$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 32;
    private static final int TAG_BITS = 128;

    private SopsFile() {
    }

    /** A decrypted document: the tree without {@code sops} (values in plain), and its recipients. */
    public record Decrypted(ObjectNode document, List<String> recipients) {
    }

    /**
     * Encrypts {@code document} (maps and lists, no {@code sops} key) for every recipient and
     * returns the YAML text. {@code now} is the file's {@code lastmodified}.
     */
    public static String encrypt(Map<String, Object> document, Collection<String> recipients, String encryptedRegex, Instant now) {
        if (recipients.isEmpty()) {
            throw new InvalidInputException("no age recipients to encrypt for", "add age_recipients to the cluster or sops.recipients");
        }
        recipients.forEach(AgeCrypto::checkRecipient);
        ObjectNode tree = YAML.valueToTree(document);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            Rules rules = new Rules(encryptedRegex, null, null, null);
            MessageDigest mac = sha512();
            walk(tree, new ArrayList<>(), rules, mac, false, (value, path) -> encryptValue(value, key, aad(path)));
            String lastModified = now.truncatedTo(ChronoUnit.SECONDS).toString();
            List<Object> age = new ArrayList<>();
            for (String r : recipients) {
                byte[] wrapped = AgeCrypto.encrypt(key, List.of(r), true);
                age.add(map("recipient", r, "enc", new String(wrapped, StandardCharsets.US_ASCII)));
            }
            Map<String, Object> out = YAML.convertValue(tree, LinkedHashMap.class);
            out.put("sops", map("age", age, "lastmodified", lastModified,
                    "mac", encrypt(HexFormat.of().withUpperCase().formatHex(mac.digest()), "str", key, lastModified),
                    "encrypted_regex", encryptedRegex, "version", FORMAT_VERSION));
            return YamlWriter.manifests().write(out);
        } catch (IOException | GeneralSecurityException e) {
            throw new OperationFailedException("cannot encrypt: " + e.getMessage(), "check the recipients");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The age recipients a SOPS file is encrypted for; {@code source} names it in errors. */
    public static List<String> recipients(String text, String source) {
        JsonNode sops = parse(text, source).path("sops");
        List<String> out = new ArrayList<>();
        sops.path("age").forEach(a -> out.add(a.path("recipient").asText()));
        return out;
    }

    /**
     * Decrypts with {@code identity} and checks the MAC: fails, naming {@code source}, when the
     * identity is not a recipient, a value was changed, or a value was added or removed.
     */
    public static Decrypted decrypt(String text, String source, AgeIdentity identity) {
        ObjectNode tree = parse(text, source).deepCopy();
        JsonNode sops = tree.remove("sops");
        byte[] key = dataKey(sops, source, identity);
        try {
            Rules rules = new Rules(text(sops, "encrypted_regex"), text(sops, "unencrypted_regex"),
                    text(sops, "encrypted_suffix"), text(sops, "unencrypted_suffix"));
            MessageDigest mac = sha512();
            walk(tree, new ArrayList<>(), rules, mac, true, (value, path) -> decryptValue(value, key, aad(path), source));
            String lastModified = sops.path("lastmodified").asText();
            JsonNode stored = decryptValue(JsonNodeFactory.instance.textNode(sops.path("mac").asText()), key, lastModified, source);
            String computed = HexFormat.of().withUpperCase().formatHex(mac.digest());
            if (!MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), stored.asText().getBytes(StandardCharsets.US_ASCII))) {
                throw new InvalidInputException(source + ": the MAC does not match: a value was changed, added or removed since it was encrypted",
                        "restore the file from git, or set the values again with 'vectorweight secrets set'");
            }
            List<String> recipients = new ArrayList<>();
            sops.path("age").forEach(a -> recipients.add(a.path("recipient").asText()));
            return new Decrypted(tree, recipients);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] dataKey(JsonNode sops, String source, AgeIdentity identity) {
        if (sops == null || !sops.path("age").isArray() || !sops.has("mac")) {
            throw new InvalidInputException(source + ": not a SOPS file (no sops.age and sops.mac)", "encrypt it with 'vectorweight secrets set'");
        }
        for (JsonNode a : sops.path("age")) {
            if (a.path("recipient").asText().equals(identity.recipient())) {
                try {
                    byte[] key = AgeCrypto.decrypt(a.path("enc").asText().getBytes(StandardCharsets.US_ASCII), identity);
                    if (key.length != 32) {
                        throw new InvalidInputException(source + ": the data key of " + identity.recipient() + " is not 32 bytes",
                                "encrypt the file again");
                    }
                    return key;
                } catch (IOException e) {
                    throw new InvalidInputException(source + ": the data key for " + identity.recipient() + " does not decrypt: "
                            + e.getMessage(), "check that the identity file is the one of that recipient");
                }
            }
        }
        throw new InvalidInputException(source + ": " + identity.recipient() + " is not one of its recipients",
                "use the identity of a recipient, or re-encrypt the file for this one with 'vectorweight secrets rotate'");
    }

    private static ObjectNode parse(String text, String source) {
        try {
            JsonNode node = YAML.readTree(text);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            throw new InvalidInputException(source + ": not a YAML mapping", "check the file; it should be a SOPS-encrypted YAML document");
        }
        throw new InvalidInputException(source + ": not a YAML mapping", "check the file; it should be a SOPS-encrypted YAML document");
    }

    private static String text(JsonNode sops, String field) {
        JsonNode v = sops.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** sops' order of the options that pick which values are encrypted; one is set in practice. */
    private record Rules(String encryptedRegex, String unencryptedRegex, String encryptedSuffix, String unencryptedSuffix) {
        boolean encrypted(List<String> path) {
            boolean encrypted = true;
            if (unencryptedSuffix != null && path.stream().anyMatch(k -> k.endsWith(unencryptedSuffix))) {
                encrypted = false;
            }
            if (encryptedSuffix != null) {
                encrypted = path.stream().anyMatch(k -> k.endsWith(encryptedSuffix));
            }
            if (unencryptedRegex != null && path.stream().anyMatch(k -> Pattern.compile(unencryptedRegex).matcher(k).find())) {
                encrypted = false;
            }
            if (encryptedRegex != null) {
                encrypted = path.stream().anyMatch(k -> Pattern.compile(encryptedRegex).matcher(k).find());
            }
            return encrypted;
        }
    }

    @FunctionalInterface
    private interface Leaf {
        /** The new value of an encrypted leaf (ciphertext on the way in, plaintext on the way out). */
        JsonNode apply(JsonNode value, List<String> path) throws GeneralSecurityException;
    }

    /**
     * Walks the leaves in document order: {@code leaf} replaces each one to encrypt (or
     * decrypt), the MAC gets each plain value: the input when encrypting, the output when not.
     */
    private static void walk(JsonNode node, List<String> path, Rules rules, MessageDigest mac, boolean decrypting, Leaf leaf) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                path.add(e.getKey());
                JsonNode child = e.getValue();
                if (child.isContainerNode()) {
                    walk(child, path, rules, mac, decrypting, leaf);
                } else {
                    e.setValue(visit(child, path, rules, mac, decrypting, leaf));
                }
                path.remove(path.size() - 1);
            }
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isContainerNode()) {
                    walk(a.get(i), path, rules, mac, decrypting, leaf);
                } else {
                    a.set(i, visit(a.get(i), path, rules, mac, decrypting, leaf));
                }
            }
        }
    }

    private static JsonNode visit(JsonNode value, List<String> path, Rules rules, MessageDigest mac, boolean decrypting, Leaf leaf) {
        if (value.isNull()) {
            return value;
        }
        try {
            JsonNode out = rules.encrypted(path) ? leaf.apply(value, path) : value;
            mac.update(macBytes(decrypting ? out : value));
            return out;
        } catch (GeneralSecurityException e) {
            throw new OperationFailedException("cannot encrypt: " + e.getMessage(), "report this as a bug");
        }
    }

    /** The bytes sops feeds the MAC for a value. */
    private static byte[] macBytes(JsonNode v) {
        String s;
        if (v.isBoolean()) {
            s = v.asBoolean() ? "True" : "False";
        } else if (v.isFloatingPointNumber()) {
            s = formatFloat(v.asDouble());
        } else {
            s = v.asText();
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}: shortest digits, no exponent, no trailing zeros. */
    private static String formatFloat(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static JsonNode encryptValue(JsonNode value, byte[] key, String aad) throws GeneralSecurityException {
        String type;
        String plain;
        if (value.isBoolean()) {
            type = "bool";
            plain = value.asBoolean() ? "True" : "False";
        } else if (value.isIntegralNumber()) {
            type = "int";
            plain = value.asText();
        } else if (value.isFloatingPointNumber()) {
            type = "float";
            plain = formatFloat(value.asDouble());
        } else {
            type = "str";
            plain = value.asText();
        }
        if (plain.isEmpty()) {
            return JsonNodeFactory.instance.textNode("");
        }
        return JsonNodeFactory.instance.textNode(encrypt(plain, type, key, aad));
    }

    private static String encrypt(String plain, String type, byte[] key, String aad) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        gcm.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = gcm.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        int tagAt = sealed.length - TAG_BITS / 8;
        return "ENC[AES256_GCM,data:" + b64.encodeToString(Arrays.copyOfRange(sealed, 0, tagAt))
                + ",iv:" + b64.encodeToString(iv) + ",tag:" + b64.encodeToString(Arrays.copyOfRange(sealed, tagAt, sealed.length))
                + ",type:" + type + "]";
    }

    private static JsonNode decryptValue(JsonNode value, byte[] key, String aad, String source) {
        String text = value.asText();
        if (text.isEmpty()) {
            return JsonNodeFactory.instance.textNode("");
        }
        Matcher m = ENC.matcher(text);
        if (!value.isTextual() || !m.matches()) {
            throw new InvalidInputException(source + ": the value at '" + aad + "' is not encrypted",
                    "set it with 'vectorweight secrets set' instead of editing the file");
        }
        String plain;
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] data = b64.decode(m.group(1));
            byte[] iv = b64.decode(m.group(2));
            byte[] tag = b64.decode(m.group(3));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = Arrays.copyOf(data, data.length + tag.length);
            System.arraycopy(tag, 0, sealed, data.length, tag.length);
            plain = new String(gcm.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidInputException(source + ": the value at '" + aad + "' does not decrypt (changed, moved or damaged)",
                    "restore the file from git, or set the value again with 'vectorweight secrets set'");
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            return switch (m.group(4)) {
                case "str" -> f.textNode(plain);
                case "int" -> {
                    long n = Long.parseLong(plain);
                    yield n == (int) n ? f.numberNode((int) n) : f.numberNode(n);
                }
                case "float" -> f.numberNode(Double.parseDouble(plain));
                case "bool" -> f.booleanNode(plain.equalsIgnoreCase("true"));
                default -> throw new InvalidInputException(source + ": the value at '" + aad + "' has the type '" + m.group(4)
                        + "', which vectorweight does not read", "keep to strings, numbers and booleans");
            };
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source + ": the value at '" + aad + "' is not the number its type says",
                    "restore the file from git");
        }
    }

    private static String aad(List<String> path) {
        return String.join(":", path) + ":";
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
