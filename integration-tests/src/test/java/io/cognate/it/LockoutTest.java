package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Expect;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Cognito's lockout: from the fifth wrong password in a row the user is locked out for 2^(n-5) seconds; attempts
 * meanwhile are refused with "Password attempts exceeded" and do not extend it; a sign-in resets the count.
 */
class LockoutTest {
    private static final String WRONG = "Wrong-Password-1";
    private static final String LOCKED = "Password attempts exceeded";
    private static final String INCORRECT = "Incorrect username or password.";

    @Test
    void fiveWrongPasswordsThenLockedForOneSecondEvenForTheRightPassword() throws InterruptedException {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        failFiveTimes(pool, user);

        Expect.error(NotAuthorizedException.class, LOCKED, () -> SignIn.password(pool, user));
        Thread.sleep(1_200);
        assertNotNull(SignIn.password(pool, user).accessToken());
        // The sign-in reset the count: the next wrong password is just wrong.
        Expect.error(NotAuthorizedException.class, INCORRECT, () -> wrongPassword(pool, user));
    }

    @Test
    void failureWhoseRecordingFailsIsRetriedUntilCounted() throws Exception {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String constraint = "lockout_test_" + user.sub().replace("-", "");
        try (Connection db = Stack.get().database("cognate_userpool")) {
            // The database refuses to count this user's failures for a while: the write fails, and is retried.
            execute(db, "alter table pool_user add constraint " + constraint + " check (sub <> '" + user.sub()
                    + "' or failed_sign_ins = 0) not valid");
            try {
                Expect.error(NotAuthorizedException.class, INCORRECT, () -> wrongPassword(pool, user));
                Thread.sleep(1_500);
                assertEquals(0, failedSignIns(db, user));
            } finally {
                execute(db, "alter table pool_user drop constraint " + constraint);
            }
            Instant deadline = Instant.now().plusSeconds(6);
            while (failedSignIns(db, user) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertEquals(1, failedSignIns(db, user));
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int failedSignIns(Connection db, TestUser user) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select failed_sign_ins from pool_user where sub = ?")) {
            select.setObject(1, UUID.fromString(user.sub()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    void sixthWrongPasswordDoublesTheLockoutAndAttemptsDuringItDoNotExtendIt() throws InterruptedException {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        failFiveTimes(pool, user);
        Thread.sleep(1_200);
        Expect.error(NotAuthorizedException.class, INCORRECT, () -> wrongPassword(pool, user));
        settle();

        // Locked for 2 s now; refused attempts in between do not push the end back.
        Thread.sleep(1_000);
        Expect.error(NotAuthorizedException.class, LOCKED, () -> SignIn.password(pool, user));
        Expect.error(NotAuthorizedException.class, LOCKED, () -> wrongPassword(pool, user));
        Thread.sleep(1_300);
        assertNotNull(SignIn.password(pool, user).accessToken());
    }

    @Test
    void wrongSrpPasswordsCountAndLockTheSrpFlowToo() throws InterruptedException {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        for (int i = 0; i < 5; i++) {
            Expect.error(NotAuthorizedException.class, INCORRECT, () -> SignIn.srp(pool, user.username(), WRONG));
        }
        settle();

        Expect.error(NotAuthorizedException.class, LOCKED, () -> SignIn.srp(pool, user.username(), user.password()));
        Expect.error(NotAuthorizedException.class, LOCKED, () -> SignIn.password(pool, user));
    }

    @Test
    void unknownUserGetsIncorrectPasswordForeverNotALockout() {
        TestPool pool = TestPools.pool();
        for (int i = 0; i < 7; i++) {
            Expect.error(NotAuthorizedException.class, INCORRECT,
                    () -> SignIn.password(pool.clientId(), "nobody-at-all", WRONG));
        }
    }

    private static void failFiveTimes(TestPool pool, TestUser user) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            Expect.error(NotAuthorizedException.class, INCORRECT, () -> wrongPassword(pool, user));
        }
        settle();
    }

    /** A failure is counted just after it is answered (so that it answers as fast as an unknown user's). */
    static void settle() throws InterruptedException {
        Thread.sleep(150);
    }

    private static void wrongPassword(TestPool pool, TestUser user) {
        SignIn.password(pool.clientId(), user.username(), WRONG);
    }
}
