package org.metergate.itests.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.metergate.itests.provisioning.bundles.FailingActivator;
import org.metergate.itests.provisioning.bundles.GoodComponent;
import org.metergate.itests.provisioning.bundles.LonelyComponent;

/**
 * Tiny bundles made by the tests, by hand (a manifest, a class from the test classes, a DS descriptor):
 * one that fails to start, one whose component cannot be satisfied, and a good one in two versions.
 * They are written into a repository directory in a distribution's layout
 * ({@code <dir>/org.metergate.itest/<symbolic name>-<version>.jar}) and never shipped.
 */
final class TestBundles {

    static final String GROUP = "org.metergate.itest";
    static final String FAILING = "org.metergate.itest.failing";
    static final String LONELY = "org.metergate.itest.lonely";
    static final String GOOD = "org.metergate.itest.good";
    /** The configuration PID the good component needs (configuration policy REQUIRE). */
    static final String GOOD_PID = "org.metergate.itest.good";

    private TestBundles() {
    }

    static Path failing(Path repo) throws IOException {
        Manifest mf = manifest(FAILING, "1.0.0");
        mf.getMainAttributes().putValue("Bundle-Activator", FailingActivator.class.getName());
        mf.getMainAttributes().putValue("Import-Package", "org.osgi.framework");
        return jar(repo, FAILING, "1.0.0", mf, FailingActivator.class, null, null);
    }

    static Path lonely(Path repo) throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="org.metergate.itest.lonely" immediate="true">
                  <implementation class="%s"/>
                  <reference name="nothing" interface="org.metergate.itest.NoSuchService" cardinality="1..1" policy="static"/>
                </scr:component>
                """.formatted(LonelyComponent.class.getName());
        return jar(repo, LONELY, "1.0.0", manifest(LONELY, "1.0.0"), LonelyComponent.class, "OSGI-INF/lonely.xml", xml);
    }

    /** The good bundle; its component's service carries {@code itest.good.version=<version>}. */
    static Path good(Path repo, String version) throws IOException {
        return good(repo, version, 0);
    }

    /** The good bundle with {@code padding} random bytes in a resource: a package that takes a while to transfer. */
    static Path good(Path repo, String version, int padding) throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="org.metergate.itest.good" immediate="true"
                    configuration-policy="require" configuration-pid="%s">
                  <implementation class="%s"/>
                  <service><provide interface="java.lang.Runnable"/></service>
                  <property name="itest.good.version" value="%s"/>
                </scr:component>
                """.formatted(GOOD_PID, GoodComponent.class.getName(), version);
        Path jar = jar(repo, GOOD, version, manifest(GOOD, version), GoodComponent.class, "OSGI-INF/good.xml", xml);
        if (padding > 0) {
            Path padded = jar.resolveSibling(jar.getFileName() + ".tmp");
            try (var in = new java.util.zip.ZipFile(jar.toFile()); var out = new JarOutputStream(Files.newOutputStream(padded))) {
                for (var e : java.util.Collections.list(in.entries())) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.getInputStream(e).transferTo(out);
                    out.closeEntry();
                }
                byte[] noise = new byte[padding];
                new java.util.Random(padding).nextBytes(noise);
                ZipEntry e = new ZipEntry("padding.bin");
                e.setMethod(ZipEntry.STORED);
                e.setSize(noise.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(noise);
                e.setCrc(crc.getValue());
                out.putNextEntry(e);
                out.write(noise);
                out.closeEntry();
            }
            Files.move(padded, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }

    private static Manifest manifest(String bsn, String version) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        return mf;
    }

    private static Path jar(Path repo, String bsn, String version, Manifest mf, Class<?> type, String descriptor, String xml)
            throws IOException {
        if (descriptor != null) {
            mf.getMainAttributes().putValue("Service-Component", descriptor);
        }
        Path dir = Files.createDirectories(repo.resolve(GROUP));
        Path jar = dir.resolve(bsn + "-" + version + ".jar");
        String classFile = type.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             InputStream bytes = TestBundles.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new ZipEntry(classFile));
            bytes.transferTo(out);
            out.closeEntry();
            if (descriptor != null) {
                out.putNextEntry(new ZipEntry(descriptor));
                out.write(xml.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
