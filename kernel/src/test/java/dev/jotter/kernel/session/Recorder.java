package dev.jotter.kernel.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A cell output that records what a cell produced, for tests of sessions. */
public final class Recorder implements CellOutput {
    public final StringBuilder stdout = new StringBuilder();
    public final StringBuilder stderr = new StringBuilder();
    public final List<Map<String, Object>> displays = new ArrayList<>();
    public Map<String, Object> result;
    public String ename;
    public String evalue;
    public List<String> traceback;

    @Override
    public synchronized void stream(String name, String text) {
        if (name.equals("stdout")) {
            stdout.append(text);
        } else if (name.equals("stderr")) {
            stderr.append(text);
        }
    }

    @Override
    public synchronized void display(Map<String, Object> bundle, Map<String, Object> metadata, String id, boolean update) {
        displays.add(bundle);
    }

    @Override
    public void result(int count, Map<String, Object> bundle, Map<String, Object> metadata) {
        result = bundle;
    }

    @Override
    public void error(String ename, String evalue, List<String> traceback) {
        this.ename = ename;
        this.evalue = evalue;
        this.traceback = traceback;
    }

    @Override
    public void clear(boolean wait) {}
}
