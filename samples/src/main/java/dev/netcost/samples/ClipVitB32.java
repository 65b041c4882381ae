package dev.netcost.samples;

import dev.netcost.ClassToken;
import dev.netcost.Conv;
import dev.netcost.CosineSimilarity;
import dev.netcost.Embedding;
import dev.netcost.Input;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.Output;
import dev.netcost.PositionEmbedding;
import dev.netcost.Repeat;
import dev.netcost.SelectToken;
import dev.netcost.ToTokens;
import dev.netcost.samples.blocks.ClipResidualAttentionBlock;

/**
 * OpenAI's CLIP ViT-B/32 ({@code clip.load("ViT-B/32")}; openai/CLIP clip/model.py), one image and
 * one text: {@code CLIP.forward(image, text)}, in its order, {@code encode_image}, then
 * {@code encode_text}, then the logit.
 *
 * <p>The image tower ({@code CLIP.visual}, a {@code VisionTransformer}): 32 x 32 patches of a
 * 224 x 224 image by a convolution without bias, 49 tokens of 768, the class embedding in front,
 * a learned 50 x 768 position table, {@code ln_pre}, 12 layers of 12 heads, {@code ln_post} on the
 * class token, and {@code x @ proj} (768 x 512, no bias). The text tower: 77 token ids, the token
 * embedding (49,408 x 512), a learned 77 x 512 position table, 12 causal layers of 8 heads,
 * {@code ln_final} on every token, the end-of-text token, and {@code x @ text_projection}
 * (512 x 512, no bias). The logit: the cosine similarity of the two 512-d features times
 * {@code exp(logit_scale)}, CLIP's one learned scalar.
 *
 * <p>PARAMS 151,277,313, as the CLIP notebooks print ("Model parameters: 151,277,313"): the image
 * tower 87,849,216, the text tower 63,428,096, the logit scale 1. No buffers: the causal mask is a
 * plain attribute of each block. MACS: the image tower 4,408,811,520, the text tower 2,979,770,368,
 * each counted by hand and by the aten products PyTorch runs; the logit 3 x 512 under netcost's
 * cost model (the dot product and the two squared norms), where PyTorch's products hold only the
 * dot product's 512 (its norms are no matrix products): 7,388,583,424 in all, 1,024 above the
 * aten count. Held to these figures in {@code DetectionAndClipFiguresTest}.
 *
 * <p>The image is {@code @Network(input)}, "input", which the first field reads; the text is an
 * {@code @Input} of 77 token ids, which the field below it reads.
 *
 * <p>Three outputs: both towers' features ({@code encode_image}, {@code encode_text}, which CLIP's
 * users call alone, to index images or to embed class prompts once for zero-shot classification)
 * and the logit. Marking the features as outputs names their shapes; their {@code _ONLY_} figures
 * are 0, since the logit needs both towers too, and {@code LOGITS_ONLY_*} is the similarity alone.
 * What one tower costs is the sum of its fields' figures (the test adds them up).
 *
 * <p>{@code proj} and {@code text_projection} are parameters CLIP multiplies by ({@code x @ proj}),
 * not {@code nn.Linear}s; a bias-free {@code @Linear} has the same weights and products.
 */
@Network(input = {3, 224, 224})
public class ClipVitB32 {
    // encode_image: CLIP.visual, on "input", the image
    @Conv(out = 768, kernel = 32, stride = 32, bias = false) Layer conv1;
    @ToTokens Layer patches;
    @ClassToken Layer classEmbedding;
    @PositionEmbedding(length = 50) Layer visualPositionalEmbedding;
    @LayerNorm Layer lnPre;
    @ClipResidualAttentionBlock(heads = 12) @Repeat(12) Layer visualTransformer;
    @SelectToken(index = 0) Layer cls;                                   // x[:, 0, :]
    @LayerNorm Layer lnPost;
    @Linear(out = 512, bias = false) @Output Layer imageFeatures;        // x @ visual.proj

    // encode_text
    @Input(shape = {77}, kind = InputKind.IDS) Layer text;
    @Embedding(vocab = 49408, dim = 512) Layer tokenEmbedding;
    @PositionEmbedding(length = 77) Layer positionalEmbedding;
    @ClipResidualAttentionBlock(heads = 8, causal = true) @Repeat(12) Layer transformer;
    @LayerNorm Layer lnFinal;
    // x[arange, text.argmax(-1)]: the end-of-text token, whose place depends on the ids; any
    // index gives the same figures, and -1 is where it is when a text fills the 77 tokens
    @SelectToken(index = -1) Layer eot;
    @Linear(out = 512, bias = false) @Output Layer textFeatures;         // x @ text_projection

    // logits_per_image = exp(logit_scale) * cos(image_features, text_features), for one pair
    @CosineSimilarity(value = {"imageFeatures", "textFeatures"}, logitScale = true) @Output Layer logits;
}
