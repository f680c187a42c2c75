"""Renderers through a real Jupyter client: charts as HiDPI PNG with their nominal size in the
metadata, SVG on request, tables as HTML, images as PNG, and a live training display that is
one output area updated in place (display_data, then update_display_data with its display_id)."""
import base64
import struct
import unittest

import jotter_client as jc


def png_size(b64):
    """Width and height from a PNG's IHDR chunk."""
    raw = base64.b64decode(b64)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", raw[16:24])


class RendererTests(jc.KernelTestCase):
    def of_type(self, outputs, msg_type):
        return [m["content"] for m in outputs if m["msg_type"] == msg_type]

    def test_chart_cell_shows_a_hidpi_png_at_its_nominal_size(self):
        outputs = self.run_ok("display(Plots.line(new double[] {1, 4, 9, 16}));")
        shown = self.of_type(outputs, "display_data")
        self.assertEqual(len(shown), 1, outputs)
        data, metadata = shown[0]["data"], shown[0]["metadata"]
        self.assertIn("image/png", data)
        self.assertIn("text/plain", data)
        self.assertNotIn("image/svg+xml", data)
        self.assertEqual(png_size(data["image/png"]), (1200, 800))
        self.assertEqual(metadata["image/png"], {"width": 600, "height": 400})

    def test_chart_as_last_expression_is_the_cell_result(self):
        outputs = self.run_ok('Plots.bar(List.of("a", "b"), new double[] {3, 5})')
        result = self.of_type(outputs, "execute_result")
        self.assertEqual(len(result), 1, outputs)
        self.assertEqual(png_size(result[0]["data"]["image/png"]), (1200, 800))
        self.assertEqual(result[0]["metadata"]["image/png"]["width"], 600)

    def test_svg_on_request(self):
        outputs = self.run_ok('display(Plots.scatter(new double[] {1, 2, 3}, new double[] {2, 4, 5}), "image/svg+xml");')
        data = self.of_type(outputs, "display_data")[0]
        self.assertIn("<svg", data["data"]["image/svg+xml"])
        self.assertNotIn("image/png", data["data"])
        self.assertNotIn("image/png", data["metadata"])

    def test_table_as_html(self):
        outputs = self.run_ok('Datasets.load("iris")')
        data = self.of_type(outputs, "execute_result")[0]["data"]
        self.assertIn("<table", data["text/html"])
        self.assertIn("150 rows", data["text/html"])
        self.assertIn("text/plain", data)

    def test_buffered_image_as_png(self):
        outputs = self.run_ok("new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB)")
        data = self.of_type(outputs, "execute_result")[0]["data"]
        self.assertEqual(png_size(data["image/png"]), (30, 20))

    def test_training_progress_updates_one_display_in_place(self):
        # The harness turns progress off (JOTTER_PROGRESS=off); the system property overrides
        # it for this cell only, so the other tests sharing this kernel keep it off.
        code = """
double[][] x = new double[64][1];
double[] y = new double[64];
for (int i = 0; i < 64; i++) { x[i][0] = i / 64.0; y[i] = 3 * x[i][0] + 1; }
System.setProperty("jotter.progress", "on");
try (var model = SgdRegressor.builder().optEpochs(4).optBatchSize(8).build().fit(x, y)) {
    System.out.println("epochs trained: " + model.history().epochs());
} finally {
    System.clearProperty("jotter.progress");
}
"""
        outputs = self.run_ok(code, timeout=120)
        self.assertIn("epochs trained: 4", jc.stream_text(outputs))
        shown = self.of_type(outputs, "display_data")
        updates = self.of_type(outputs, "update_display_data")
        progress = [d for d in shown if "display_id" in d.get("transient", {}) and "text/html" in d["data"]]
        self.assertTrue(progress, f"no progress display among {shown}")
        progress_id = progress[0]["transient"]["display_id"]
        same = [u for u in updates if u["transient"]["display_id"] == progress_id]
        self.assertGreaterEqual(len(same), 1, f"no update_display_data for {progress_id}: {updates}")
        final = same[-1]["data"]
        self.assertIn("text/plain", final)
        self.assertRegex(final["text/plain"], r"4/4|epoch 4", final)
        # Every update names a display this cell created: nothing is updated blind.
        ids = {d["transient"]["display_id"] for d in shown if "display_id" in d.get("transient", {})}
        self.assertTrue(all(u["transient"]["display_id"] in ids for u in updates), (ids, updates))


if __name__ == "__main__":
    unittest.main()
