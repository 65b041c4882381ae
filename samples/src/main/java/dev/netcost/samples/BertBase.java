package dev.netcost.samples;

import dev.netcost.Dropout;
import dev.netcost.Embedding;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.PositionEmbedding;
import dev.netcost.Repeat;
import dev.netcost.SelectToken;
import dev.netcost.Tanh;
import dev.netcost.TokenTypeEmbedding;
import dev.netcost.samples.blocks.BertLayer;

/**
 * Hugging Face's {@code BertModel} for {@code bert-base-uncased}, with its pooler, on 512 tokens:
 * word, position and token-type embeddings, 12 post-norm layers of 12 heads, and the pooler
 * (a dense layer and tanh on the first token).
 */
@Network(input = {512}, inputKind = InputKind.IDS)
public class BertBase {
    @Embedding(vocab = 30522, dim = 768) Layer wordEmbeddings;
    @PositionEmbedding(length = 512) Layer positionEmbeddings;
    @TokenTypeEmbedding(types = 2) Layer tokenTypeEmbeddings;
    @LayerNorm Layer embeddingsNorm;
    @Dropout(p = 0.1) Layer dropout;
    @BertLayer(heads = 12, hidden = 3072) @Repeat(12) Layer encoder;
    @SelectToken(index = 0) Layer firstToken;
    @Linear(out = 768) Layer pooler;
    @Tanh Layer poolerActivation;
}
