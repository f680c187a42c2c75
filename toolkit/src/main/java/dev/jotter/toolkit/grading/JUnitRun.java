package dev.jotter.toolkit.grading;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes a cell declared with the JUnit Platform launcher and the Jupiter engine, on a
 * thread of its own, and scores them. Each method that has a {@code @Test},
 * {@code @ParameterizedTest}, {@code @RepeatedTest} or {@code @TestFactory} is one scored test,
 * worth an equal share of the cell's points; a parameterised test passes when all its cases pass.
 * {@code @Disabled} tests are left out of the score.
 *
 * <p>An endless loop is stopped through the stop checks JShell weaves into every snippet class
 * (the flag {@code REPL.$Cancel$.allStop}, which an interrupt of the cell sets too): when a test
 * passes its limit, the flag is set and the test's thread interrupted until the test ends, then
 * the flag is cleared before anything else runs. The flag is global, so code of the notebook
 * that runs on another thread meanwhile (a training started in the background) is stopped too.
 */
final class JUnitRun {
    /** How long a test that was stopped may take to end before the run gives up on its thread. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);

    /** The run each launcher thread belongs to: an interrupted run's thread may outlive it while the next cell's runs. */
    private static final Map<Thread, JUnitRun> RUNS = new ConcurrentHashMap<>();

    private final Duration defaultTimeout;
    private final Field stopFlag;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("jotter-test-alarm").unstarted(r));
    private volatile Thread runner;
    private volatile boolean cancelled;
    /** When an alarm fired and the test has not ended since (System.nanoTime), or 0. */
    private volatile long stoppingSince;
    private final Object stopLock = new Object();

    private final String source;

    private JUnitRun(Duration defaultTimeout, Field stopFlag, String source) {
        this.defaultTimeout = defaultTimeout;
        this.stopFlag = stopFlag;
        this.source = source;
    }

    /** @return the cell's source, for {@link SourceOrder} */
    String source() {
        return source;
    }

    /** @return the run of the calling launcher thread, or null on any other thread */
    static JUnitRun current() {
        return RUNS.get(Thread.currentThread());
    }

    /** @return whether the cell was interrupted, so that no further test may start */
    boolean cancelled() {
        return cancelled;
    }

    /** @return the limit of a test that names none */
    Duration defaultTimeout() {
        return defaultTimeout;
    }

    /**
     * Runs the classes' tests and scores them.
     *
     * @param classes the test classes, loaded by the notebook's class loader
     * @param points what the cell's tests are worth together; negative for one point per test
     * @param timeout the limit of each test method that has no {@code @Timeout}
     * @param source the cell's source, which orders the tests
     * @return the report
     * @throws InterruptedException when the calling thread is interrupted (the cell was interrupted)
     */
    static TestReport run(List<Class<?>> classes, double points, Duration timeout, String source) throws InterruptedException {
        ClassLoader loader = classes.getFirst().getClassLoader();
        JUnitRun run = new JUnitRun(timeout, stopFlag(loader), TestClasses.blankCommentsAndLiterals(source));
        try {
            return run.execute(classes, points, loader);
        } finally {
            run.alarms.shutdownNow();
        }
    }

    /** JShell's stop flag in the snippets' class loader, or null where snippets have no stop checks. */
    private static Field stopFlag(ClassLoader loader) {
        try {
            return Class.forName("REPL.$Cancel$", true, loader).getField("allStop");
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private TestReport execute(List<Class<?>> classes, double points, ClassLoader loader) throws InterruptedException {
        // No service lookups for engines or listeners: a graded run is Jupiter with this run's guard, whatever jars the notebook added.
        LauncherConfig config = LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(DiscoverySelectors::selectClass).toList())
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.extensions.autodetection.include", TestGuard.class.getName())
                // TestGuard enforces @Timeout itself: JUnit's own timeouts interrupt, which no busy loop notices.
                .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
                .configurationParameter("junit.jupiter.testmethod.order.default", SourceOrder.class.getName())
                .build();
        Collector collector = new Collector();
        Throwable[] crashed = new Throwable[1];
        Thread t = Thread.ofPlatform().daemon().name("jotter-tests").unstarted(() -> {
            RUNS.put(Thread.currentThread(), this);
            try {
                Launcher launcher = LauncherFactory.create(config);
                TestPlan plan = launcher.discover(request);
                collector.plan = plan;
                launcher.execute(plan, collector);
            } catch (Throwable e) {
                crashed[0] = e;
            } finally {
                RUNS.remove(Thread.currentThread());
            }
        });
        // The launcher finds TestGuard, and tests find their resources, through the notebook's loader.
        t.setContextClassLoader(loader);
        runner = t;
        t.start();
        boolean abandoned = false;
        try {
            while (t.isAlive()) {
                t.join(50);
                long since = stoppingSince;
                if (since != 0 && System.nanoTime() - since > STOP_GRACE.toNanos()) {
                    abandoned = true;
                    break;
                }
            }
        } catch (InterruptedException e) {
            cancelled = true;
            stop();
            throw e;
        }
        if (abandoned) {
            // Should the stuck test end after all, the tests after it must not run on in the background.
            cancelled = true;
            collector.abandon("did not stop within " + STOP_GRACE.toSeconds() + " s of its time limit (blocked where no stop reaches,"
                    + " such as a read from a socket); this test and those after it were not finished");
            clearStop();
        }
        if (collector.plan == null) {
            Throwable e = crashed[0];
            return new TestReport(List.of(), Math.max(points, 0), "JUnit could not discover the tests: " + describe(e));
        }
        return collector.report(points);
    }

    /** A scheduled stop of the test that runs now. */
    final class Alarm {
        private final ScheduledFuture<?> future;
        private volatile boolean fired;

        Alarm(Duration limit) {
            future = alarms.schedule(this::fire, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        }

        private void fire() {
            synchronized (stopLock) {
                fired = true;
                stoppingSince = System.nanoTime();
                setStop(true);
                Thread r = runner;
                if (r != null) {
                    r.interrupt();
                }
            }
        }

        /** @return whether the limit passed and the test was stopped */
        boolean fired() {
            return fired;
        }

        /** Cancels the alarm; after a stop, clears the flag and the interrupt before the next method runs. */
        void disarm() {
            future.cancel(false);
            synchronized (stopLock) {
                if (fired) {
                    clearStop();
                    Thread.interrupted();
                }
            }
        }
    }

    /**
     * @param limit how long the method may run
     * @return the alarm that stops it then
     */
    Alarm arm(Duration limit) {
        return new Alarm(limit);
    }

    private void clearStop() {
        stoppingSince = 0;
        setStop(false);
    }

    private void stop() {
        setStop(true);
        Thread r = runner;
        if (r != null) {
            r.interrupt();
        }
    }

    private void setStop(boolean on) {
        if (stopFlag != null) {
            try {
                stopFlag.setBoolean(null, on);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot set JShell's stop flag: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The failure a test reports instead of what it threw, when what it threw needs a sentence.
     *
     * @param t what the test threw
     * @param alarm the test's alarm
     * @param limit its time limit
     * @return the throwable to report
     */
    Throwable explain(Throwable t, Alarm alarm, Duration limit) {
        if (alarm.fired()) {
            return new AssertionError("did not finish within " + seconds(limit) + " and was stopped: an endless loop,"
                    + " or far too slow for this test (a @Timeout on the test, or %%test --timeout, gives it longer)");
        }
        if (t instanceof OutOfMemoryError e) {
            return new AssertionError("ran out of memory (" + e.getMessage() + "): the code keeps far more data than it should,"
                    + " or grows a collection without end; the kernel lives on");
        }
        if (t instanceof StackOverflowError) {
            return new AssertionError("overflowed the stack: a recursion that never reaches its base case?");
        }
        return t;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** A failure as one line or a few: the message, with the exception's simple name where it is not an assertion. */
    static String describe(Throwable e) {
        if (e == null) {
            return "no reason given";
        }
        String msg = e.getMessage() == null ? "" : e.getMessage().strip();
        if (e.getClass().getName().equals("jdk.jshell.spi.SPIResolutionException")) {
            return "uses a method, class or variable that the notebook has not defined (not written yet, deleted, or its"
                    + " cell not run): run the cells above, or write what is missing, then the tests again";
        }
        if (e.getClass().getName().endsWith("ExitGuard$ExitAttemptedException")) {
            return "called " + msg;
        }
        if (e instanceof AssertionError && !msg.isEmpty()) {
            return msg;
        }
        return e.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
    }

    /** Collects each scored test's outcome as the launcher reports them. */
    private static final class Collector implements TestExecutionListener {
        volatile TestPlan plan;
        /** Scored tests (methods) by unique id, in discovery order. */
        private final Map<String, Outcome> scored = new LinkedHashMap<>();
        private final Map<String, TestIdentifier> byId = new ConcurrentHashMap<>();
        private final Map<String, String> failedContainers = new HashMap<>();
        private volatile String running;

        private static final class Outcome {
            final String name;
            boolean started;
            boolean skipped;
            int cases;
            int failedCases;
            String message;

            Outcome(String name) {
                this.name = name;
            }
        }

        @Override
        public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
            boolean oneClass = testPlan.getRoots().stream().mapToLong(r -> testPlan.getChildren(r).size()).sum() == 1;
            for (TestIdentifier root : testPlan.getRoots()) {
                walk(testPlan, root, List.of(), oneClass);
            }
        }

        /** Scored tests are named by their classes (all but the one class of a cell that has one) and their own display name. */
        private void walk(TestPlan p, TestIdentifier id, List<String> path, boolean oneClass) {
            byId.put(id.getUniqueId(), id);
            if (id.getSource().filter(MethodSource.class::isInstance).isPresent()) {
                List<String> parts = new ArrayList<>(oneClass && !path.isEmpty() ? path.subList(1, path.size()) : path);
                parts.add(id.getDisplayName());
                scored.put(id.getUniqueId(), new Outcome(String.join(" > ", parts)));
                return;
            }
            List<String> here = new ArrayList<>(path);
            if (id.getParentId().isPresent()) {
                here.add(id.getDisplayName());
            }
            for (TestIdentifier c : p.getChildren(id)) {
                walk(p, c, here, oneClass);
            }
        }

        @Override
        public synchronized void dynamicTestRegistered(TestIdentifier id) {
            byId.put(id.getUniqueId(), id);
        }

        @Override
        public synchronized void executionStarted(TestIdentifier id) {
            Outcome o = scored.get(id.getUniqueId());
            if (o != null) {
                o.started = true;
                running = id.getUniqueId();
            }
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier id, String reason) {
            Outcome o = scored.get(id.getUniqueId());
            if (o != null) {
                o.skipped = true;
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Outcome o = scored.get(id.getUniqueId());
            Throwable error = result.getThrowable().orElse(null);
            boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            if (o != null) {
                // The method itself: a @Test, or the container of a parameterised test's cases.
                if (id.isTest()) {
                    o.cases++;
                }
                if (!ok) {
                    if (id.isTest()) {
                        o.failedCases++;
                    }
                    o.message = o.message != null ? o.message : describe(error, result);
                }
                return;
            }
            Outcome owner = ownerOf(id);
            if (owner != null) {
                owner.cases++;
                if (!ok) {
                    owner.failedCases++;
                    if (owner.message == null) {
                        owner.message = id.getDisplayName() + ": " + describe(error, result);
                    }
                }
                return;
            }
            if (!ok) {
                failedContainers.put(id.getUniqueId(), id.getDisplayName() + " failed before its tests ran: " + describe(error, result));
            }
        }

        private static String describe(Throwable error, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                return "aborted (an assumption did not hold): " + JUnitRun.describe(error);
            }
            return JUnitRun.describe(error);
        }

        /** The scored test a dynamic case belongs to. */
        private Outcome ownerOf(TestIdentifier id) {
            Optional<String> parent = id.getParentId();
            while (parent.isPresent()) {
                Outcome o = scored.get(parent.get());
                if (o != null) {
                    return o;
                }
                TestIdentifier p = byId.get(parent.get());
                parent = p == null ? Optional.empty() : p.getParentId();
            }
            return null;
        }

        /** Gives up on the test that runs now: it and every test not finished fail with the reason. */
        synchronized void abandon(String reason) {
            for (Outcome o : scored.values()) {
                if (o.message == null && (o.cases == 0 || o.started)) {
                    boolean now = running != null && scored.get(running) == o;
                    o.message = now ? reason : "not run: the test before it " + reason.replaceFirst("; .*", "");
                    o.failedCases = Math.max(1, o.failedCases);
                }
            }
        }

        synchronized TestReport report(double points) {
            List<Map.Entry<String, Outcome>> counted = scored.entrySet().stream().filter(e -> !e.getValue().skipped).toList();
            double each = counted.isEmpty() ? 0 : points < 0 ? 1 : points / counted.size();
            List<TestReport.Row> rows = new ArrayList<>();
            for (Map.Entry<String, Outcome> e : counted) {
                Outcome o = e.getValue();
                String message = o.message;
                if (!o.started && message == null) {
                    message = containerFailure(e.getKey());
                }
                boolean passed = o.started && o.failedCases == 0 && message == null;
                if (passed && o.cases == 0 && isTemplate(e.getKey())) {
                    passed = false;
                    message = "no cases ran";
                }
                if (!passed && message == null) {
                    message = "failed";
                }
                if (o.cases > 1 && o.failedCases > 0) {
                    message = (o.cases - o.failedCases) + " of " + o.cases + " cases passed; " + message;
                }
                rows.add(new TestReport.Row(o.name, passed, passed ? "" : message, passed ? each : 0, each));
            }
            return new TestReport(rows, counted.isEmpty() ? Math.max(points, 0) : each * counted.size(),
                    counted.isEmpty() && !failedContainers.isEmpty() ? String.join("; ", failedContainers.values())
                            : counted.isEmpty() ? "the cell declares no test: write a class with @Test methods" : null);
        }

        private boolean isTemplate(String uniqueId) {
            TestIdentifier id = byId.get(uniqueId);
            return id != null && id.isContainer();
        }

        private String containerFailure(String uniqueId) {
            TestIdentifier id = byId.get(uniqueId);
            Optional<String> parent = id == null ? Optional.empty() : id.getParentId();
            while (parent.isPresent()) {
                String f = failedContainers.get(parent.get());
                if (f != null) {
                    return f;
                }
                TestIdentifier p = byId.get(parent.get());
                parent = p == null ? Optional.empty() : p.getParentId();
            }
            return "not run";
        }
    }
}
