"""The recurrent samples (WordLanguageModel, WordLanguageModelGru, SpeechBiLstm), built from
torch 1.13's own nn.LSTM / nn.GRU and counted two ways:

  1. parameters: sum(p.numel() for p in model.parameters()), module by module, as PyTorch holds
     them (nn.LSTM keeps both b_ih and b_hh per gate, and W_hr with proj_size);
  2. MACs: each recurrent layer is run again step by step, by hand, from the module's own weights
     (PyTorch's equations in the nn.LSTM / nn.GRU docs: gates i, f, g, o and r, z, n in that order
     in weight_ih_l{k}), every product through one function that counts out x in per vector; the
     hand run's output and final state must equal the module's (torch.allclose), so the count is
     the count of what nn.LSTM / nn.GRU compute. nn.Linear's MACs by a forward hook (output
     elements x in_features); nn.Embedding is a lookup, no MAC.
Each count is also asserted against the per-step formulas the tests write out:
  LSTM, per step, direction and layer: 4H*I + 4H*Hout (+ Hout*H with proj_size), Hout = proj or H;
  GRU: 3H*I + 3H*H; the elementwise products (f*c, i*g, o*tanh(c), r*(W_hn h + b_hn), the GRU's
  (1 - z)*n + z*h) are no MACs, as thop and the cost model count them.

WordLanguageModel: PyTorch examples word_language_model (pytorch/examples at 77f55b9, 2025-08-25;
model.py RNNModel, main.py's defaults --model LSTM --emsize 200 --nhid 200 --nlayers 2 --bptt 35
--dropout 0.2, untied): Embedding(33278, 200), Dropout, LSTM(200, 200, 2, dropout=0.2), Dropout,
Linear(200, 33278), log_softmax. 33,278 is WikiText-2's vocabulary (Merity et al. 2016, Table 1;
len(corpus.dictionary) for the example's data/wikitext-2, '<eos>' for the line ends). The model
below is written here from that description, not copied. WordLanguageModelGru: the same with
--model GRU. SpeechBiLstm: a stated speech encoder, 300 frames of 80 log-mel features, nn.LSTM(80,
512, 2, bidirectional=True, proj_size=128), nn.Linear(256, 29) (28 characters and a CTC blank).

Decode (the language models, one token after the 35): one time step of every layer and the
decoder's one row; the state carried between steps is h (layers x batch x Hout) and, for the LSTM,
c (layers x batch x H), float32.

Run: /usr/bin/python3 recurrent.py
"""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_grad_enabled(False)

MACS = {"n": 0}


def linear(x, w, b=None):
    """x (in) or (N, in) times w (out, in): out x in MACs per vector; the bias is an add."""
    rows = 1 if x.dim() == 1 else x.shape[0]
    MACS["n"] += rows * w.shape[0] * w.shape[1]
    return F.linear(x, w, b)


def params(module):
    return sum(p.numel() for p in module.parameters())


def lstm_by_hand(lstm, x):
    """x (T, I) -> output (T, D*Hout), h_n (L*D, Hout), c_n (L*D, H): nn.LSTM's equations, step by step."""
    D = 2 if lstm.bidirectional else 1
    H, P = lstm.hidden_size, lstm.proj_size
    Hout = P if P > 0 else H
    h_n, c_n = [], []
    for layer in range(lstm.num_layers):
        outs = []
        for d in range(D):
            sfx = "_l%d%s" % (layer, "_reverse" if d == 1 else "")
            w_ih, w_hh = getattr(lstm, "weight_ih" + sfx), getattr(lstm, "weight_hh" + sfx)
            b_ih = getattr(lstm, "bias_ih" + sfx) if lstm.bias else None
            b_hh = getattr(lstm, "bias_hh" + sfx) if lstm.bias else None
            w_hr = getattr(lstm, "weight_hr" + sfx) if P > 0 else None
            h, c = torch.zeros(Hout), torch.zeros(H)
            steps = range(x.shape[0]) if d == 0 else reversed(range(x.shape[0]))
            out = [None] * x.shape[0]
            for t in steps:
                gates = linear(x[t], w_ih, b_ih) + linear(h, w_hh, b_hh)
                i, f, g, o = gates.chunk(4)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                h = torch.sigmoid(o) * torch.tanh(c)
                if w_hr is not None:
                    h = linear(h, w_hr)
                out[t] = h
            outs.append(torch.stack(out))
            h_n.append(h)
            c_n.append(c)
        x = torch.cat(outs, dim=1)
    return x, torch.stack(h_n), torch.stack(c_n)


def gru_by_hand(gru, x):
    """x (T, I) -> output (T, H), h_n (L, H): nn.GRU's equations (unidirectional), step by step."""
    H = gru.hidden_size
    h_n = []
    for layer in range(gru.num_layers):
        sfx = "_l%d" % layer
        w_ih, w_hh = getattr(gru, "weight_ih" + sfx), getattr(gru, "weight_hh" + sfx)
        b_ih, b_hh = getattr(gru, "bias_ih" + sfx), getattr(gru, "bias_hh" + sfx)
        h = torch.zeros(H)
        out = []
        for t in range(x.shape[0]):
            gi = linear(x[t], w_ih, b_ih)
            gh = linear(h, w_hh, b_hh)
            i_r, i_z, i_n = gi.chunk(3)
            h_r, h_z, h_nn = gh.chunk(3)
            r = torch.sigmoid(i_r + h_r)
            z = torch.sigmoid(i_z + h_z)
            n = torch.tanh(i_n + r * h_nn)
            h = (1 - z) * n + z * h
            out.append(h)
        x = torch.stack(out)
        h_n.append(h)
    return x, torch.stack(h_n)


class RNNModel(nn.Module):
    """word_language_model's RNNModel, as its model.py describes it (LSTM or GRU, untied)."""

    def __init__(self, kind, ntoken, ninp, nhid, nlayers, dropout):
        super().__init__()
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = getattr(nn, kind)(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)

    def forward(self, ids, hidden=None):
        emb = self.drop(self.encoder(ids))
        output, hidden = self.rnn(emb, hidden)
        decoded = self.decoder(self.drop(output))
        return F.log_softmax(decoded, dim=-1), hidden


def hook_linear(model):
    counted = {"n": 0}

    def hook(module, inputs, output):
        counted["n"] += output.numel() * module.in_features

    for m in model.modules():
        if isinstance(m, nn.Linear):
            m.register_forward_hook(hook)
    return counted


def word_language_model(kind):
    V, E, H, L, T = 33278, 200, 200, 2, 35
    model = RNNModel(kind, V, E, H, L, 0.2).eval()
    gates = 4 if kind == "LSTM" else 3
    print("== word_language_model, --model %s" % kind)
    p = {name: params(m) for name, m in model.named_children()}
    print("params by module:", p, "total", params(model))
    assert p["encoder"] == V * E
    layer0 = gates * H * E + gates * H * H + 2 * gates * H    # W_ih, W_hh, b_ih, b_hh
    upper = gates * H * H + gates * H * H + 2 * gates * H     # layers above read H
    assert p["rnn"] == layer0 + (L - 1) * upper
    assert p["decoder"] == H * V + V
    ids = torch.randint(V, (T, 1))
    counted = hook_linear(model)
    out, hidden = model(ids)
    assert out.shape == (T, 1, V)
    MACS["n"] = 0
    emb = model.encoder(ids[:, 0])
    if kind == "LSTM":
        y, h_n, c_n = lstm_by_hand(model.rnn, emb)
        assert torch.allclose(h_n, hidden[0][:, 0], atol=1e-5) and torch.allclose(c_n, hidden[1][:, 0], atol=1e-5)
        print("h_n", tuple(hidden[0].shape), "c_n", tuple(hidden[1].shape))
    else:
        y, h_n = gru_by_hand(model.rnn, emb)
        assert torch.allclose(h_n, hidden[:, 0], atol=1e-5)
        print("h_n", tuple(hidden.shape))
    rnn_macs = MACS["n"]
    per_step = (gates * H * E + gates * H * H) + (L - 1) * (gates * H * H + gates * H * H)
    assert rnn_macs == T * per_step, (rnn_macs, T * per_step)
    assert counted["n"] == T * H * V
    total = rnn_macs + counted["n"]
    print("MACs: rnn %d (= 35 x %d), decoder %d, total %d" % (rnn_macs, per_step, counted["n"], total))

    # One decode step: the 36th token from the state the 35 left.
    counted["n"] = 0
    MACS["n"] = 0
    out1, hidden1 = model(ids[:1], hidden)
    if kind == "LSTM":
        _ = lstm_by_hand(model.rnn, model.encoder(ids[:1, 0]))
    else:
        _ = gru_by_hand(model.rnn, model.encoder(ids[:1, 0]))
    step = MACS["n"] + counted["n"]
    assert step == per_step + H * V
    state = hidden1 if kind == "GRU" else torch.cat(hidden1)
    state_bytes = state.numel() * state.element_size()
    print("decode MACs per token %d, state %d floats = %d bytes" % (step, state.numel(), state_bytes))
    return params(model), total


def speech_bilstm():
    T, F_IN, H, P, L, C = 300, 80, 512, 128, 2, 29
    lstm = nn.LSTM(F_IN, H, L, bidirectional=True, proj_size=P)
    head = nn.Linear(2 * P, C)
    print("== SpeechBiLstm")
    for name, w in lstm.named_parameters():
        print("  %-24s %s" % (name, tuple(w.shape)))
    layer0 = 4 * H * F_IN + 4 * H * P + 2 * 4 * H + P * H
    layer1 = 4 * H * 2 * P + 4 * H * P + 2 * 4 * H + P * H
    assert params(lstm) == 2 * (layer0 + layer1), params(lstm)
    assert params(head) == 2 * P * C + C
    x = torch.randn(T, 1, F_IN)
    out, (h, c) = lstm(x)
    assert out.shape == (T, 1, 2 * P) and h.shape == (L * 2, 1, P) and c.shape == (L * 2, 1, H)
    MACS["n"] = 0
    y, h_n, c_n = lstm_by_hand(lstm, x[:, 0])
    assert torch.allclose(y, out[:, 0], atol=1e-5) and torch.allclose(h_n, h[:, 0], atol=1e-5)
    assert torch.allclose(c_n, c[:, 0], atol=1e-5)
    per_step = 2 * ((4 * H * F_IN + 4 * H * P + P * H) + (4 * H * 2 * P + 4 * H * P + P * H))
    assert MACS["n"] == T * per_step, (MACS["n"], T * per_step)
    head_macs = T * 2 * P * C
    print("params: lstm %d, head %d, total %d" % (params(lstm), params(head), params(lstm) + params(head)))
    print("MACs: lstm %d (= 300 x %d), head %d, total %d" % (MACS["n"], per_step, head_macs, MACS["n"] + head_macs))
    print("output", tuple(out.shape), "h_n", tuple(h.shape), "c_n", tuple(c.shape))
    return params(lstm) + params(head), MACS["n"] + head_macs


if __name__ == "__main__":
    print("torch", torch.__version__)
    print(word_language_model("LSTM"))
    print(word_language_model("GRU"))
    print(speech_bilstm())
