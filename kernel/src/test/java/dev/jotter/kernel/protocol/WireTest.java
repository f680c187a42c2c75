package dev.jotter.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WireTest {
    private final Wire wire = new Wire("secret-key", "hmac-sha256");

    private Message sample() {
        return new Message(List.of("client-1".getBytes(StandardCharsets.UTF_8)), Message.newHeader("execute_request", "s1"),
                Json.obj(), Json.obj(), Json.obj("code", "1 + 1"), List.of());
    }

    @Test
    void roundTripKeepsEverything() throws Exception {
        Message m = sample();
        Message back = wire.decode(wire.encode(m));
        assertEquals("execute_request", back.type());
        assertEquals("1 + 1", back.content().get("code").getAsString());
        assertArrayEquals(m.identities().getFirst(), back.identities().getFirst());
    }

    @Test
    void signatureIsHmacSha256OfTheFourDicts() throws Exception {
        List<byte[]> frames = wire.encode(sample());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (int i = 3; i < 7; i++) {
            mac.update(frames.get(i));
        }
        assertEquals(HexFormat.of().formatHex(mac.doFinal()), new String(frames.get(2), StandardCharsets.US_ASCII));
    }

    @Test
    void wrongSignatureIsRejectedWithItsValue() {
        List<byte[]> frames = new ArrayList<>(wire.encode(sample()));
        frames.set(2, "deadbeef".getBytes(StandardCharsets.US_ASCII));
        Wire.BadMessageException e = assertThrows(Wire.BadMessageException.class, () -> wire.decode(frames));
        assertTrue(e.getMessage().contains("deadbeef"), e.getMessage());
    }

    @Test
    void tamperedContentIsRejected() {
        List<byte[]> frames = new ArrayList<>(wire.encode(sample()));
        frames.set(6, "{\"code\": \"System.exit(0)\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(Wire.BadMessageException.class, () -> wire.decode(frames));
    }

    @Test
    void garbageFramesAreRejectedNotThrownAsRuntimeErrors() {
        assertThrows(Wire.BadMessageException.class, () -> wire.decode(List.of("garbage".getBytes(StandardCharsets.UTF_8))));
        Wire unsigned = new Wire("", "hmac-sha256");
        List<byte[]> bad = List.of("<IDS|MSG>".getBytes(StandardCharsets.US_ASCII), new byte[0],
                "{not json".getBytes(StandardCharsets.UTF_8), new byte[0], new byte[0], new byte[0]);
        assertThrows(Wire.BadMessageException.class, () -> unsigned.decode(bad));
    }

    @Test
    void emptyKeyMeansUnsigned() throws Exception {
        Wire unsigned = new Wire("", "hmac-sha256");
        List<byte[]> frames = unsigned.encode(sample());
        assertEquals(0, frames.get(2).length);
        assertEquals("execute_request", unsigned.decode(frames).type());
    }

    @Test
    void unsupportedSchemeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Wire("k", "hmac-md5"));
        assertTrue(e.getMessage().contains("hmac-md5"));
    }
}
