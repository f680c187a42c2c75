package dev.jotter.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes and decodes the multipart wire format and signs it with HMAC-SHA256.
 * A message that fails to parse or verify raises {@link BadMessageException}, which the
 * socket loops log and drop: a bad peer must never bring the kernel down.
 */
public final class Wire {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /**
     * @param key the connection file's key; empty disables signing, as the protocol allows
     * @param scheme the signature scheme; only hmac-sha256 is supported
     */
    public Wire(String key, String scheme) {
        if (!key.isEmpty() && !"hmac-sha256".equals(scheme)) {
            throw new IllegalArgumentException("Unsupported signature_scheme '" + scheme + "'; this kernel supports hmac-sha256.");
        }
        this.key = key.isEmpty() ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        // Mac instances are not thread-safe and each socket thread signs on its own.
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                if (this.key != null) {
                    mac.init(this.key);
                }
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
            }
        });
    }

    /** Thrown for frames that are not a valid, correctly signed Jupyter message. */
    public static final class BadMessageException extends Exception {
        private static final long serialVersionUID = 1L;

        BadMessageException(String message) {
            super(message);
        }
    }

    /**
     * Parses received frames.
     *
     * @param frames every frame of one multipart message
     * @return the message
     * @throws BadMessageException when the delimiter is missing, the signature is wrong or the JSON is invalid
     */
    public Message decode(List<byte[]> frames) throws BadMessageException {
        int d = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (java.util.Arrays.equals(frames.get(i), DELIMITER)) {
                d = i;
                break;
            }
        }
        if (d < 0 || frames.size() < d + 6) {
            throw new BadMessageException("expected <IDS|MSG> followed by 5 frames, found " + frames.size() + " frames");
        }
        byte[] signature = frames.get(d + 1);
        List<byte[]> parts = frames.subList(d + 2, d + 6);
        if (key != null) {
            byte[] expected = HexFormat.of().formatHex(sign(parts)).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, signature)) {
                throw new BadMessageException("invalid HMAC signature '" + new String(signature, StandardCharsets.US_ASCII) + "'");
            }
        }
        JsonObject[] json = new JsonObject[4];
        for (int i = 0; i < 4; i++) {
            try {
                json[i] = json(parts.get(i));
            } catch (RuntimeException e) {
                throw new BadMessageException("malformed JSON in message part '" + PART_NAMES[i] + "' (" + parts.get(i).length
                        + " bytes): " + clip(String.valueOf(e.getMessage())));
            }
        }
        return new Message(List.copyOf(frames.subList(0, d)), json[0], json[1], json[2], json[3],
                List.copyOf(frames.subList(d + 6, frames.size())));
    }

    private static final String[] PART_NAMES = {"header", "parent_header", "metadata", "content"};
    /** How much of a parser's message the log gets: it can quote the whole part, and a part can be 100 MB. */
    private static final int LOGGED_CHARS = 200;

    private static String clip(String s) {
        return s.length() <= LOGGED_CHARS ? s : s.substring(0, LOGGED_CHARS) + "... (" + s.length() + " chars)";
    }

    /**
     * Serialises and signs a message.
     *
     * @param m the message
     * @return the frames to send
     */
    public List<byte[]> encode(Message m) {
        List<byte[]> parts = List.of(bytes(m.header()), bytes(m.parentHeader()), bytes(m.metadata()), bytes(m.content()));
        List<byte[]> frames = new ArrayList<>(m.identities().size() + 6 + m.buffers().size());
        frames.addAll(m.identities());
        frames.add(DELIMITER);
        frames.add(key == null ? new byte[0] : HexFormat.of().formatHex(sign(parts)).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(parts);
        frames.addAll(m.buffers());
        return frames;
    }

    private byte[] sign(List<byte[]> parts) {
        Mac mac = macs.get();
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    private static JsonObject json(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return s.isBlank() ? new JsonObject() : JsonParser.parseString(s).getAsJsonObject();
    }

    private static byte[] bytes(JsonObject o) {
        return Json.GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }
}
