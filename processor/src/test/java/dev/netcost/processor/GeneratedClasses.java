package dev.netcost.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import javax.tools.JavaFileObject;

/** Loads the classes a compilation wrote, so a test can read a companion's constants and call its methods. */
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
}
