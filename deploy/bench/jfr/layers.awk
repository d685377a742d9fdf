# JFR self time by layer, for run.sh --jfr: `awk -f layers.awk <(jfr print --events jdk.ExecutionSample --stack-depth 64 X.jfr)`.
# self time by layer: each sample goes to the first frame from the leaf up that belongs to a known layer
# (generic JDK frames such as HashMap or CompletableFuture are charged to the framework that called them)
function layer(f) {
  if (f ~ /^(java\.math\.|sun\.security\.rsa|sun\.security\.util|sun\.security\.provider|com\.sun\.crypto|javax\.crypto)/) return "crypto (BigInteger, RSA, SHA, AES)"
  if (f ~ /^com\.fasterxml\.jackson/) return "Jackson"
  if (f ~ /^io\.vertx\.(pgclient|sqlclient)/) return "Vert.x PG client"
  if (f ~ /^org\.hibernate/) return "Hibernate ORM/Reactive"
  if (f ~ /^(io\.grpc|com\.google\.protobuf|io\.quarkus\.grpc)/) return "gRPC/protobuf"
  if (f ~ /^io\.smallrye\.context/) return "SmallRye context propagation"
  if (f ~ /^io\.smallrye\.mutiny/) return "Mutiny"
  if (f ~ /^(org\.jboss\.resteasy|io\.quarkus\.resteasy)/) return "RESTEasy Reactive"
  if (f ~ /^(io\.netty|io\.vertx\.core|sun\.nio|java\.nio)/) return "Netty/Vert.x/NIO"
  if (f ~ /^io\.cognate/) return "Cognate code"
  if (f ~ /^(io\.quarkus|io\.smallrye|org\.jboss)/) return "Quarkus/ArC/other framework"
  return ""
}
/stackTrace = \[/ {n++; inst=1; got=""; next}
inst && /^[ \t]*\]/ {inst=0; if (got == "") got = "JDK only"; cnt[got]++; next}
inst && got == "" { f=$0; sub(/^[ \t]+/, "", f); got = layer(f) }
END {for (c in cnt) printf "%5.1f%%  %s\n", 100*cnt[c]/n, c; printf "(%d samples)\n", n}
