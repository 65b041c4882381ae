package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.NetworkSource.network;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The mistakes of dense prediction's ops, through javac: {@code @Upsample}'s size given none or
 * twice, a mode of another rank, {@code alignCorners} with nearest, a {@code like} that names no
 * tensor above or one whose size cannot be taken. Each is one error, in its file, on its line, at
 * the column of the value at fault; and a tensor read only through {@code like} is no dead branch.
 */
class DensePredictionDiagnosticsTest {
    @Test
    void upsampleWithoutASize() {
        NetworkSource src = network("{3, 16, 16}", "@Upsample(mode = Interpolation.BILINEAR) Layer up;");
        assertOnlyError(compile(src), src, "[netcost:one-of] up on input (3, 16, 16): @Upsample needs the size of its"
                + " output: give one of scale, size or like", src.at("@Upsample"));
    }

    @Test
    void upsampleWithScaleAndLike() {
        NetworkSource src = network("{3, 16, 16}", "@MaxPool(kernel = 2) Layer pool;",
                "@Upsample(scale = 2, like = \"input\") Layer up;");
        assertOnlyError(compile(src), src, "[netcost:one-of] up on input (3, 8, 8): @Upsample takes one of scale,"
                + " size and like, but scale and like are given; keep one", src.at("like = \"input\"", "\"input\""));
    }

    @Test
    void bilinearOnAOneDimensionalMap() {
        NetworkSource src = network("{8, 100}", "@Upsample(scale = 2, mode = Interpolation.BILINEAR) Layer up;");
        assertOnlyError(compile(src), src, "[netcost:interpolation] up on input (8, 100): mode = BILINEAR interpolates 2"
                + " spatial dimensions, as PyTorch's kernels do, but the input has 1; use LINEAR or NEAREST",
                src.at("mode = Interpolation.BILINEAR", ".BILINEAR")); // javac places a qualified name at its dot
    }

    @Test
    void alignCornersWithNearest() {
        NetworkSource src = network("{3, 16, 16}", "@Upsample(scale = 2, alignCorners = true) Layer up;");
        assertOnlyError(compile(src), src, "[netcost:interpolation] up on input (3, 16, 16): alignCorners = true"
                + " aligns the corner cells of an interpolation, and PyTorch refuses it with mode = NEAREST; remove"
                + " it, or choose LINEAR, BILINEAR, BICUBIC or TRILINEAR", src.at("alignCorners = true", "true"));
    }

    @Test
    void likeNamingAFieldBelow() {
        NetworkSource src = network("{3, 16, 16}", "@MaxPool(kernel = 2) Layer pool;",
                "@Upsample(like = \"later\") Layer up;", "@ReLU Layer later;");
        assertOnlyError(compile(src), src, "[netcost:unknown-input] up: `later` is declared below up, and a layer"
                + " reads only fields above it; it can read pool, input", src.at("\"later\""));
    }

    @Test
    void likeNamingAVector() {
        NetworkSource src = network("{3, 16, 16}", "@MaxPool(kernel = 2) Layer pool;", "@Flatten Layer flat;",
                "@Upsample(like = \"flat\") @From(\"pool\") Layer up;");
        assertOnlyError(compile(src), src, "[netcost:like] up on input (3, 8, 8): like names flat, which gives (192)"
                + " with 0 spatial dimensions, but the input has 2; name a map with 2 spatial dimensions",
                src.at("like = \"flat\"", "\"flat\""));
    }

    @Test
    void likeNamingTokens() {
        NetworkSource src = network("{16, 64}", "@ToTokens Layer tokens;",
                "@Upsample(like = \"tokens\") @From(\"input\") Layer up;");
        assertOnlyError(compile(src), src, "[netcost:like] up on input (16, 64): like names tokens, which gives (64,"
                + " 16), tokens (T, E); this layer takes the spatial size of a channels-first map (C, ...): name one",
                src.at("like = \"tokens\"", "\"tokens\""));
    }

    @Test
    void scaleOfZero() {
        NetworkSource src = network("{3, 16, 16}", "@Upsample(scale = {2, 0}) Layer up;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] up on input (3, 16, 16): scale = {2, 0}: every"
                + " scale factor must be at least 1; 0 is not", src.at("{2, 0}"));
    }

    @Test
    void likeIsAConstant() {
        NetworkSource block = NetworkSource.example("B", "@Block\n@interface B {\n    class Layers {\n"
                + "        @Upsample @With(args = \"like = input\") Layer up;\n    }\n}\n");
        NetworkSource src = network("{3, 16, 16}", "@B Layer b;");
        Compilation compilation = compile(src, block);
        assertOnlyError(compilation, block, "[netcost:expression] up: like takes a constant, not an expression; write"
                + " it on @Upsample", block.at("\"like = input\""));
    }

    @Test
    void cropToALargerMap() {
        NetworkSource src = network("{3, 16, 16}", "@MaxPool(kernel = 2) Layer pool;",
                "@CenterCrop(like = \"input\") Layer crop;");
        assertOnlyError(compile(src), src, "[netcost:like] crop on input (3, 8, 8): like names input, which gives"
                + " (3, 16, 16): its height 16 is larger than the input's 8, and a crop cannot grow; crop the larger"
                + " tensor to the smaller, or pad the smaller with @ZeroPad", src.at("\"input\""));
    }

    @Test
    void cropWithoutLike() {
        NetworkSource src = network("{3, 16, 16}", "@CenterCrop Layer crop;");
        assertOnlyError(compile(src), src, "[netcost:missing] crop: @CenterCrop needs like, a constant; write it, as"
                + " @CenterCrop(like = ...)", src.at("@CenterCrop"));
    }

    @Test
    void cropNamingNothing() {
        NetworkSource src = network("{3, 16, 16}", "@CenterCrop(like = \"\") Layer crop;");
        assertOnlyError(compile(src), src, "[netcost:like] crop on input (3, 16, 16): like = \"\" names no tensor;"
                + " name the field above whose spatial size to crop to, or \"input\"", src.at("\"\""));
    }

    @Test
    void zeroPadOfThreeSides() {
        NetworkSource src = network("{3, 16, 16}", "@ZeroPad(padding = {1, 1, 1}) Layer pad;");
        assertOnlyError(compile(src), src, "[netcost:value-count] pad on input (3, 16, 16): padding = {1, 1, 1} has 3"
                + " values but the input has 2 spatial dimensions; give one value for every side, or 4, two per"
                + " dimension in PyTorch's order (left, right, top, bottom)", src.at("{1, 1, 1}"));
    }

    @Test
    void zeroPadOnAVector() {
        NetworkSource src = network("{64}", "@ZeroPad(padding = 1) Layer pad;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] pad on input (64): @ZeroPad needs an input (C, L),"
                + " (C, H, W) or (C, D, H, W); this input has no spatial dimensions left; move the layer before the"
                + " @Flatten or the @Linear", src.at("@ZeroPad"));
    }

    /**
     * DeepLab's ASPP pooling branch, in a block: the global pool's 1 x 1 convolution is brought
     * back to the size of the block's input, which the block reads through {@code like} only. It
     * compiles without a warning: {@code input} is read, and so is a field read through {@code like}.
     */
    @Test
    void aBlockTakesTheSizeOfItsInputWithoutAWarning() {
        NetworkSource block = NetworkSource.example("Pooling", "@Block\n@interface Pooling {\n    class Layers {\n"
                + "        @GlobalAvgPool Layer pool;\n"
                + "        @Conv(out = 8, kernel = 1, bias = false) Layer conv;\n"
                + "        @Upsample(mode = Interpolation.BILINEAR, like = \"input\") Layer up;\n    }\n}\n");
        NetworkSource src = network("{16, 32, 32}", "@Conv(out = 16, kernel = 3, padding = 1) Layer stem;",
                "@Pooling Layer aspp;", "@MaxPool(kernel = 2) @From(\"stem\") Layer unused;",
                "@Upsample(like = \"aspp\") Layer up;");
        Compilation compilation = compile(src, block);
        assertThat(compilation).succeededWithoutWarnings();
    }
}
