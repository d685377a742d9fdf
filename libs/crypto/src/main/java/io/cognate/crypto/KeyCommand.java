package io.cognate.crypto;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * The one-off commands a service runs instead of serving (config {@code cognate.command}, env
 * {@code COGNATE_COMMAND}), as a Kubernetes Job runs it: {@code rewrap-keys} re-wraps every sealed value the service
 * stores under the current KEK, after a rotation and before the previous KEK leaves the ring.
 */
public final class KeyCommand {
    public static final String REWRAP_KEYS = "rewrap-keys";

    private KeyCommand() {
    }

    /** Runs the command; the process's exit status (0 done, 1 some values opened under no key, 2 unknown command). */
    public static int run(String command, Aead aead, DataSource dataSource, List<SealedColumn> sealed,
            Consumer<String> log) throws SQLException {
        if (!REWRAP_KEYS.equals(command)) {
            log.accept("unknown cognate.command " + command + "; the one command is " + REWRAP_KEYS);
            return 2;
        }
        Rewrap.Result result = new Rewrap(aead, dataSource).run(sealed);
        log.accept(result.summary());
        return result.exitCode();
    }
}
