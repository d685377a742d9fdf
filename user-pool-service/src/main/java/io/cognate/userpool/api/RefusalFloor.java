package io.cognate.userpool.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.cognate.database.CallerContext;
import io.cognate.userpool.error.CognitoException;
import io.smallrye.mutiny.Uni;

/**
 * Answers that could tell an unknown user from a wrong password are held to a floor: no sooner than
 * {@link #FLOOR} after the request arrived. The work behind them differs a little (a row read and decrypted, a failure
 * to record), and a patient prober could measure that; held to the floor, only timer noise remains. It holds every
 * refusal whose kind hides existence ({@link io.cognate.userpool.error.Refusal#hidesExistence()}), and the answers an
 * action marks (the first step of USER_SRP_AUTH, a real or a decoy challenge). No thread waits: the answer is
 * scheduled.
 */
public final class RefusalFloor {
    /** Above this service's p99 for a failed sign-in on an idle core (deploy/bench/RESULTS.md, timing section). */
    static final Duration FLOOR = Duration.ofMillis(15);
    /**
     * How long before the floor the timer wakes, to spin the rest: more than an idle core takes to wake. It costs that
     * much CPU per refusal, on the timer's one thread (bounded by the sign-in rate limits).
     */
    static final Duration SPIN = Duration.ofNanos(1_000_000);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "refusal-floor");
        thread.setDaemon(true);
        return thread;
    });

    private RefusalFloor() {
    }

    /** The attempt, its existence-hiding refusals held to the floor. */
    public static <T> Uni<T> refusals(Uni<T> attempt, long arrivedNanos) {
        return attempt.onFailure(RefusalFloor::hidesExistence).call(failure -> until(arrivedNanos, SPIN.toNanos()));
    }

    /**
     * Holds an answer to the floor. No spin: the work behind SRP's first answer is the same for a real and a decoy
     * challenge (measured), and every sign-in, not only a refused one, would pay for it.
     */
    static Uni<Void> answer(long arrivedNanos) {
        return until(arrivedNanos, 0);
    }

    private static boolean hidesExistence(Throwable failure) {
        return failure instanceof CognitoException refusal && refusal.refusal() != null
                && refusal.refusal().hidesExistence();
    }

    private static Uni<Void> until(long arrivedNanos, long spinNanos) {
        long deadline = arrivedNanos + FLOOR.toNanos();
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return Uni.createFrom().voidItem();
        }
        // Neither a Vert.x timer nor Mutiny's delayIt: both count whole milliseconds (delayIt drops the rest), which
        // would leave the sub-millisecond part of the work's duration in the answer's timing. For a refusal the timer
        // wakes SPIN early and spins to the deadline: how late an idle core wakes depends on how long it has idled, so
        // a shorter piece of work (an unknown user's) would otherwise still show, as a later answer.
        Uni<Void> elapsed = Uni.createFrom().emitter(emitter -> {
            ScheduledFuture<?> timer = TIMER.schedule(() -> {
                while (System.nanoTime() - deadline < 0) {
                    Thread.onSpinWait();
                }
                emitter.complete(null);
            }, Math.max(0, remaining - spinNanos), TimeUnit.NANOSECONDS);
            emitter.onTermination(() -> timer.cancel(false));
        });
        return CallerContext.resumeOnCaller(elapsed);
    }
}
