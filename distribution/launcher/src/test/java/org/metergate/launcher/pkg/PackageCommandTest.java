package org.metergate.launcher.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.launcher.Metergate;
import picocli.CommandLine;

/** {@code metergate package keygen | build | sign | verify}, end to end on files. */
class PackageCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Metergate());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path jar(Path where, String bsn, String version) throws Exception {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        mf.getMainAttributes().putValue("Bundle-Version", version);
        Files.createDirectories(where);
        Path jar = where.resolve(bsn + "-" + version + ".jar");
        try (JarOutputStream o = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            o.putNextEntry(new java.util.zip.ZipEntry("x.txt"));
            o.write(bsn.getBytes(StandardCharsets.UTF_8));
            o.closeEntry();
        }
        return jar;
    }

    @Test
    void keygenBuildSignAndVerifyAPackage() throws Exception {
        Path key = dir.resolve("operator.pem");
        Run keygen = run("package", "keygen", "--algorithm", "brainpoolP256r1", "-o", key.toString());
        assertThat(keygen.code()).as(keygen.err()).isZero();
        assertThat(keygen.out()).contains("brainpoolP256r1 key ", "operator.pub");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(run("package", "keygen", "-o", key.toString()).code()).as("never overwrites a key").isEqualTo(1);

        Path bundle = jar(dir.resolve("jars"), "org.example.meter", "1.2.0");
        Path pkg = dir.resolve("meter.mgp");
        Run build = run("package", "build", "--bundle", bundle.toString(), "--sequence", "4", "--model", "metergate",
                "-o", pkg.toString());
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.out()).contains("built org.example.meter@1.2.0 (bundle, sequence 4)", "unsigned");

        Run unsigned = run("package", "verify", "--trust", dir.resolve("operator.pub").toString(), pkg.toString());
        assertThat(unsigned.code()).isEqualTo(1);
        assertThat(unsigned.out()).contains("REFUSED (UNSIGNED)");

        Run sign = run("package", "sign", "--key", key.toString(), pkg.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        Run verify = run("package", "verify", "--trust", dir.resolve("operator.pub").toString(), "--gateway", "gw-1",
                "--model", "metergate", pkg.toString());
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("signature: valid", "bundle bundles/org.example.meter-1.2.0.jar");

        Run json = run("package", "verify", "--json", "--trust", dir.resolve("operator.pub").toString(), "--model", "nnap",
                "--gateway", "gw-9", pkg.toString());
        assertThat(json.code()).isEqualTo(1);
        JsonNode n = new ObjectMapper().readTree(json.out());
        assertThat(n.path("verified").asBoolean()).isFalse();
        assertThat(n.path("reason").asText()).isEqualTo("WRONG_TARGET");
        assertThat(n.path("manifest").path("sequence").asLong()).isEqualTo(4);

        Run replay = run("package", "verify", "--trust", dir.resolve("operator.pub").toString(), "--last-sequence", "4", pkg.toString());
        assertThat(replay.out()).contains("REFUSED (REPLAYED)");
    }

    @Test
    void aFeaturePackageCarriesTheBundlesItsFeatureNames() throws Exception {
        Path repo = dir.resolve("bundles");
        jar(repo.resolve("org.example"), "radio", "0.3.0");
        Path feature = dir.resolve("radio.json");
        Files.writeString(feature, "{\"id\": \"org.example:radio:osgifeature:0.3.0\", \"bundles\": [{\"id\": \"org.example:radio:0.3.0\"}],"
                + " \"configurations\": {\"org.example.radio\": {\"modes\": [\"C1\"]}}}");
        Path key = dir.resolve("k.pem");
        assertThat(run("package", "keygen", "-o", key.toString()).code()).isZero();
        Path pkg = dir.resolve("radio.mgp");
        Run build = run("package", "build", "--feature", feature.toString(), "--bundles", repo.toString(), "--sequence", "1",
                "--gateway", "gw-1", "--key", key.toString(), "-o", pkg.toString());
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.out()).contains("org.example:radio@0.3.0 (feature, sequence 1): 2 artifact(s)", "signed by [Ed25519 key");
        Run verify = run("package", "verify", "--trust", dir.resolve("k.pub").toString(), pkg.toString());
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("feature feature.json", "bundle bundles/org.example/radio-0.3.0.jar");

        Run missing = run("package", "build", "--feature", feature.toString(), "--bundles", dir.resolve("nowhere").toString(),
                "--sequence", "1", "--gateway", "gw-1", "-o", dir.resolve("x.mgp").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("not found", "org.example:radio:0.3.0");
    }

    @Test
    void aPackageNeedsATarget() throws Exception {
        Run r = run("package", "build", "--bundle", jar(dir, "b", "1.0.0").toString(), "--sequence", "1", "-o", dir.resolve("p.mgp").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--gateway ID or --model MODEL");
        assertThat(run("package", "build", "--sequence", "1", "--model", "m", "-o", "x").code()).as("what to package is required").isEqualTo(2);
    }
}
