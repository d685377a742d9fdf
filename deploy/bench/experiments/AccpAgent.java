import java.security.Security;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Benchmark experiment only, not for production: a -javaagent that installs Amazon Corretto Crypto Provider as
 * the most preferred JCA provider of an unmodified service, to measure what ACCP would buy end to end. Build:
 *
 * <pre>
 * ACCP=~/.m2/repository/software/amazon/cryptools/AmazonCorrettoCryptoProvider/2.5.0/AmazonCorrettoCryptoProvider-2.5.0-linux-x86_64.jar
 * mkdir -p deploy/bench/target/agent && javac -cp $ACCP -d deploy/bench/target/agent deploy/bench/experiments/AccpAgent.java
 * printf 'Premain-Class: AccpAgent\nClass-Path: %s\n' $ACCP > deploy/bench/target/agent/manifest.txt
 * jar cfm deploy/bench/target/accp-agent.jar deploy/bench/target/agent/manifest.txt -C deploy/bench/target/agent AccpAgent.class
 * deploy/services.sh stop; COGNATE_SERVICE_HEAP="-Xmx192m -javaagent:$PWD/deploy/bench/target/accp-agent.jar" deploy/services.sh start
 * </pre>
 */
public class AccpAgent {
    public static void premain(String args) {
        AmazonCorrettoCryptoProvider.install();
        AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy(); // fails the JVM's start when the native library did not load
        System.err.println("AccpAgent: " + Security.getProviders()[0]);
    }
}
