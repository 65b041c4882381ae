package dev.netcost.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the classes of one compile from memory, to time the generated companions' start-up. */
final class CompanionLoader extends ClassLoader {
    /** What loading the companions cost, and how many layers their tables hold. */
    record Loaded(long nanos, int layers) {}

    private final Map<String, byte[]> classes = new HashMap<>();

    CompanionLoader(List<MemoryFileManager.MemoryFile> files) {
        super(CompanionLoader.class.getClassLoader());
        for (MemoryFileManager.MemoryFile file : files) {
            classes.put(file.binaryName(), file.bytes());
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** Loads and initializes every {@code *Cost} class, as the first use of {@code summary()} would. */
    Loaded loadCompanions() throws ReflectiveOperationException {
        int layers = 0;
        long start = System.nanoTime();
        for (String name : classes.keySet().stream().sorted().toList()) {
            if (name.endsWith("Cost")) {
                Class<?> companion = Class.forName(name, true, this);
                layers += ((List<?>) companion.getField("LAYERS").get(null)).size();
            }
        }
        return new Loaded(System.nanoTime() - start, layers);
    }
}
