package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Expect;
import io.cognate.it.support.SignIn;
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
