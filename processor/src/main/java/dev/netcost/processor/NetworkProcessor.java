package dev.netcost.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.netcost.CustomOp;
import dev.netcost.Network;
import dev.netcost.processor.budget.BudgetCheck;
import dev.netcost.processor.check.DiagnosticReporter;
import dev.netcost.processor.check.LintReporter;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.NetworkInference;
import dev.netcost.processor.lint.LintRules;
import dev.netcost.processor.model.BudgetDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.read.LayerAnnotations;
import dev.netcost.processor.read.LocalClasses;
import dev.netcost.processor.read.LocatedProblem;
import dev.netcost.processor.read.NetworkReader;
import dev.netcost.processor.read.ReadNetwork;
import dev.netcost.processor.read.SourceLocation;
import dev.netcost.processor.read.StrayLayers;
import dev.netcost.processor.read.Unresolved;
import dev.netcost.processor.write.CompanionNames;
import dev.netcost.processor.write.CompanionWriter;
import dev.netcost.processor.write.ReportWriter;
import dev.netcost.processor.write.SummaryText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Runs netcost's stages on every {@code @Network} class: read, infer, check, write. Thin on
 * purpose: each stage is its own package, and this class only passes one's output to the next.
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {
    private static final String GENERATED = "javax.annotation.processing.Generated";

    private final Function<NetworkDecl, NetworkAnalysis> inference;
    private NetworkReader reader;
    private CompanionWriter writer;
    private DiagnosticReporter reporter;
    private LintReporter lints;
    private ReportWriter reports;
    private ProcessorOptions options;
    private Optional<LocalClasses> localClasses;
    /** Networks javac could not resolve yet, by qualified name: tried again next round. */
    private final Map<String, List<Unresolved>> deferred = new LinkedHashMap<>();
    /** The types compiled from source so far, less the companions netcost wrote. */
    private final Set<String> beingCompiled = new LinkedHashSet<>();
    private final Set<String> written = new LinkedHashSet<>();

    /** The processor javac loads. */
    public NetworkProcessor() {
        this(new Inference());
    }

    /** With another inference stage: lets a test make a stage throw, to check that javac survives it. */
    NetworkProcessor(Function<NetworkDecl, NetworkAnalysis> inference) {
        this.inference = inference;
    }

    /**
     * Every annotation of the DSL's package, as one pattern: javac compiles a regular expression
     * for each name a processor lists and tries each against every annotation of a round, which
     * for the 80 names of the DSL cost a cold compile more than the rest of {@code init}
     * (docs/architecture.md, "Cold builds").
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(LayerAnnotations.PACKAGE + "*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return ProcessorOptions.NAMES;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reader = new NetworkReader(env);
        Optional<ClassName> generated = env.getElementUtils().getTypeElement(GENERATED) == null
                ? Optional.empty() // not under --release 8
                : Optional.of(ClassName.bestGuess(GENERATED));
        writer = new CompanionWriter(env.getFiler(), generated, NetworkProcessor.class.getCanonicalName());
        reporter = new DiagnosticReporter(env.getMessager());
        lints = new LintReporter(reporter);
        reports = new ReportWriter(env.getFiler());
        options = ProcessorOptions.parse(env.getOptions(), new Warnings(env.getMessager()));
        localClasses = LocalClasses.of(env);
    }

    /**
     * One round, as auto-common's {@code BasicAnnotationProcessor} does it: the networks of this
     * round and those deferred by the last one are read; a network with a value javac cannot
     * resolve yet (a constant from a class another processor generates in a later round) is
     * deferred again; on the last round, what is still unresolved is reported.
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            reportUnresolved();
            return false;
        }
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type && !written.contains(type.getQualifiedName().toString())) {
                beingCompiled.add(type.getQualifiedName().toString());
            }
        }
        if (!annotations.isEmpty()) {
            try {
                reporter.report(StrayLayers.find(annotations, round, processingEnv.getElementUtils()));
            } catch (RuntimeException | Error e) {
                reporter.internalError(annotations.iterator().next(), e);
            }
        }
        if (localClasses.isPresent() && !round.getRootElements().isEmpty()) {
            try {
                localClasses.get().report(localClasses.get().find(round.getRootElements()));
            } catch (RuntimeException | Error e) {
                reporter.internalError(round.getRootElements().iterator().next(), e);
            }
        }
        TypeElement customOp = processingEnv.getElementUtils().getTypeElement(CustomOp.class.getCanonicalName());
        for (Element declared : customOp == null ? Set.<Element>of() : round.getElementsAnnotatedWith(customOp)) {
            // An op's declaration is checked where it is declared, whether or not a network uses it yet.
            try {
                if (declared instanceof TypeElement type) {
                    reporter.report(reader.userOpProblems(type));
                }
            } catch (RuntimeException | Error e) {
                reporter.internalError(declared, e);
            }
        }
        Set<String> networks = new LinkedHashSet<>(deferred.keySet());
        deferred.clear();
        for (Element element : round.getElementsAnnotatedWith(Network.class)) {
            if (element instanceof TypeElement type) {
                networks.add(type.getQualifiedName().toString());
            }
        }
        for (String name : networks) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type == null) {
                continue;
            }
            try {
                process(type);
            } catch (RuntimeException | Error e) {
                // Never take javac down: report where it happened and go on with the next network.
                reporter.internalError(type, e);
            }
        }
        // The annotations are netcost's alone: claiming them keeps -Xlint:processing quiet about them.
        return !annotations.isEmpty();
    }

    /** The last round: a network still unresolved gets no companion, and says so once. */
    private void reportUnresolved() {
        for (Map.Entry<String, List<Unresolved>> entry : deferred.entrySet()) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(entry.getKey());
            if (type == null) {
                continue;
            }
            try {
                // Read once more: its own mistakes are still worth saying, beside what javac could not resolve.
                ReadNetwork read = reader.read(type, beingCompiled);
                reporter.report(read.problems());
                List<Unresolved> unresolved = read.complete() ? entry.getValue() : read.unresolved();
                List<String> what = new ArrayList<>(unresolved.size());
                for (Unresolved value : unresolved) {
                    what.add(value.toString());
                }
                String companion = read.decl().companionQualifiedName();
                reporter.report(LocatedProblem.of(Message.STILL_UNRESOLVED, SourceLocation.onNetwork(type),
                        read.decl().name(), String.join(", ", what),
                        companion.substring(companion.lastIndexOf('.') + 1)));
            } catch (RuntimeException | Error e) {
                reporter.internalError(type, e);
            }
        }
        deferred.clear();
    }

    private void process(TypeElement type) {
        ReadNetwork read = reader.read(type, beingCompiled);
        if (!read.complete()) {
            // javac reports what it could not resolve; a later round may resolve it.
            deferred.put(type.getQualifiedName().toString(), read.unresolved());
            return;
        }
        reporter.report(read.problems());
        if (!read.problems().isEmpty()) {
            // Shapes would be inferred without a layer the user meant: check only what needs none.
            reporter.report(NetworkInference.checkAttributes(read.decl()), read.sources());
            return;
        }
        Optional<BudgetDecl> budget = read.decl().budget();
        List<Problem> limits = budget.isPresent() ? BudgetCheck.checkLimits(budget.get()) : List.of();
        reporter.report(limits, read.sources());
        NetworkAnalysis analysis = inference.apply(read.decl());
        reporter.report(analysis.problems(), read.sources());
        if (!analysis.ok()) {
            return;
        }
        lints.report(LintRules.find(analysis), read.sources(), beingCompiled);
        // Over budget is an error, but the network is sound: the companion is still written, so
        // code that reads its constants compiles and the budget error is the only one.
        if (budget.isPresent()) {
            reporter.reportBudget(BudgetCheck.check(analysis, budget.get()), read.sources(), budget.get().warning());
        }
        if (options.print()) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, SummaryText.of(analysis), type);
        }
        // Two constants of one name would make a companion javac refuses: say which fields, write nothing.
        CompanionNames names = CompanionNames.of(analysis);
        List<Problem> clashes = names.clashes();
        if (!clashes.isEmpty()) {
            reporter.report(clashes, read.sources());
            return;
        }
        try {
            writer.write(analysis, names, type);
            written.add(read.decl().companionQualifiedName());
            reports.write(analysis, options.reports(), type);
        } catch (IOException e) {
            // The Filer refuses a file it already wrote this compilation: another network that
            // maps to the same companion name, or a type or report of that name written by someone else.
            reporter.report(LocatedProblem.of(Message.COMPANION_NOT_WRITTEN, read.sources().network(),
                    read.decl().companionQualifiedName(), read.decl().name(), e));
        }
    }

    /**
     * The inference stage javac's processor runs. A named class rather than a method reference:
     * a reference would spin a class through {@code LambdaMetafactory} in every cold compile.
     */
    private static final class Inference implements Function<NetworkDecl, NetworkAnalysis> {
        @Override
        public NetworkAnalysis apply(NetworkDecl decl) {
            return NetworkInference.analyze(decl);
        }
    }

    /** Prints an option's warning as a javac warning (a named class, for the reason {@link Inference} is one). */
    private static final class Warnings implements Consumer<String> {
        private final Messager messager;

        Warnings(Messager messager) {
            this.messager = messager;
        }

        @Override
        public void accept(String warning) {
            messager.printMessage(Diagnostic.Kind.WARNING, warning);
        }
    }
}
