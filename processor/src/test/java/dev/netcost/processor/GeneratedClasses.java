package dev.netcost.processor;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The classes a compilation wrote: loaded, so a test can read a companion's constants and call its
 * methods, or written out as a library another compilation reads from its class path.
 */
public final class GeneratedClasses {
    private GeneratedClasses() {}

    /**
     * The class {@code name} the compilation wrote, with netcost's dsl (and everything else) from
     * this class's loader.
     */
    public static Class<?> load(Compilation compilation, String name) throws ClassNotFoundException {
        ClassLoader loader = new ClassLoader(GeneratedClasses.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String className) throws ClassNotFoundException {
                String path = "/" + className.replace('.', '/') + ".class";
                for (JavaFileObject file : compilation.generatedFiles()) {
                    if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().endsWith(path)) {
                        try (InputStream in = file.openInputStream()) {
                            byte[] bytes = in.readAllBytes();
                            return defineClass(className, bytes, 0, bytes.length);
                        } catch (IOException e) {
                            throw new ClassNotFoundException(className, e);
                        }
                    }
                }
                throw new ClassNotFoundException(className);
            }
        };
        return Class.forName(name, true, loader);
    }

    /**
     * A class path on which {@code library} is a compiled library, as a later compilation finds one:
     * its class files written to {@code folder} (each under its package's path), then this test's
     * own class path, with netcost's DSL.
     */
    public static List<File> classPathWith(Compilation library, Path folder) throws IOException {
        for (JavaFileObject file : library.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                // compile-testing names it /CLASS_OUTPUT/com/example/...: the path past the location.
                String path = file.toUri().getPath();
                Path target = folder.resolve(path.substring(path.indexOf('/', 1) + 1));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
        }
        List<File> classPath = new ArrayList<>();
        classPath.add(folder.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(new File(entry));
        }
        return classPath;
    }
}
