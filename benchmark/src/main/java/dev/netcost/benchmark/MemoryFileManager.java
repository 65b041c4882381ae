package dev.netcost.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Keeps everything javac and the processor write (classes, generated sources, reports) in
 * memory, so that the figures measure compiling, not the disk. One instance per compile; the
 * standard manager underneath is shared, as a build daemon or an IDE shares it.
 */
final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
    /** A file written during the compile. */
    static final class MemoryFile extends SimpleJavaFileObject {
        private final String binaryName;
        private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        /** @param binaryName the class's binary name; for other files, the path */
        MemoryFile(String path, Kind kind, String binaryName) {
            super(URI.create("mem:///" + path), kind);
            this.binaryName = binaryName;
        }

        /** The class's binary name. */
        String binaryName() {
            return binaryName;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        @Override
        public OutputStream openOutputStream() {
            bytes = new ByteArrayOutputStream();
            return bytes;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(bytes.toByteArray());
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    private final List<MemoryFile> written = new ArrayList<>();

    MemoryFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    /** The class files written. */
    List<MemoryFile> classes() {
        return written.stream().filter(f -> f.getKind() == JavaFileObject.Kind.CLASS).toList();
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.CLASS_OUTPUT || location == StandardLocation.SOURCE_OUTPUT
                || super.hasLocation(location);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
            FileObject sibling) {
        MemoryFile file = new MemoryFile(className.replace('.', '/') + kind.extension, kind, className);
        written.add(file);
        return file;
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName,
            FileObject sibling) {
        String path = packageName.replace('.', '/') + "/" + relativeName;
        MemoryFile file = new MemoryFile(path, JavaFileObject.Kind.OTHER, path);
        written.add(file);
        return file;
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return a instanceof MemoryFile || b instanceof MemoryFile ? a == b : super.isSameFile(a, b);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return file instanceof MemoryFile memory ? memory.binaryName() : super.inferBinaryName(location, file);
    }
}
