"""ResNet-50 in training, batch 32, float32, on torch 1.13's own torchvision 0.14 resnet50:
what autograd saves for backward in the stem (conv1, bn1, relu, maxpool) and in layer1[0] (the
first bottleneck, with its downsample), and the model states of SGD with momentum. The figures
TrainingSamplesTest holds ResNet50's training figures to.

  1. Saved tensors: torch.autograd.graph.saved_tensors_hooks records every tensor an op saves for
     backward while the stem and layer1[0] run forward in train mode (requires_grad parameters, an
     input that requires none, as a data loader's). Each is tagged with the leaf module that was
     running (forward pre-hooks) and deduplicated by its storage's data_ptr (a tensor several ops
     keep, or an in-place op's output, is one block of memory). Parameters and buffers that ops save
     (conv weights, batch norm's weight and running stats) are the model's, not activations: listed
     apart. Printed: per module, each new activation storage's dtype, shape, bytes; then the totals.
  2. Model states: one optimizer step of torch.optim.SGD(momentum=0.9) on the whole network at a
     small batch (the states do not depend on it): parameters, their .grad and the momentum_buffer
     of each, bytes summed.

The hand count, by the cost model's "What each op saves" (conv its input, batch norm its input and
float32 mean and inverse std per channel, ReLU its output, max pool its input and int64 indices, a
tensor kept by several ops once), is asserted below against what autograd saved.

Run: /usr/bin/python3 resnet50_training.py   (CPU, about 10 s)
"""
import torch
import torchvision

torch.manual_seed(0)
B = 32

model = torchvision.models.resnet50()
model.train()
params = {p.storage().data_ptr() for p in model.parameters()}
buffers = {b.storage().data_ptr() for b in model.buffers()}

current = {"name": None}
for name, module in model.named_modules():
    if len(list(module.children())) == 0:
        module.register_forward_pre_hook(lambda m, i, name=name: current.__setitem__("name", name))

seen = {}        # storage data_ptr -> (first module that saved it, dtype, shape, bytes)
order = []       # (module, what) in saving order
model_saved = {}  # parameters and buffers that ops saved


def pack(t):
    ptr = t.storage().data_ptr()
    if ptr in params or ptr in buffers:
        model_saved[ptr] = (current["name"], tuple(t.shape))
    elif ptr not in seen:
        nbytes = t.storage().size() * t.element_size()
        seen[ptr] = (current["name"], t.dtype, tuple(t.shape), nbytes)
        order.append(ptr)
    return t


def unpack(t):
    return t


x = torch.randn(B, 3, 224, 224)  # an input that requires no gradient, as a data loader's
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = model.maxpool(model.relu(model.bn1(model.conv1(x))))
    stem_end = len(order)
    z = model.layer1[0](y)

print(f"ResNet-50, train mode, batch {B}: activations autograd saves, each storage once")
total = {"stem": 0, "layer1[0]": 0}
for i, ptr in enumerate(order):
    name, dtype, shape, nbytes = seen[ptr]
    part = "stem" if i < stem_end else "layer1[0]"
    total[part] += nbytes
    print(f"  {part:9s} {name:22s} {str(dtype):14s} {str(shape):22s} {nbytes:>13,d} B")
print(f"stem: {total['stem']:,} B; layer1[0]: {total['layer1[0]']:,} B; both: {sum(total.values()):,} B")
print("parameters and buffers ops saved (model states, not activations):",
      sorted({name for name, _ in model_saved.values()}))

# The hand count, per sample (elements): float32 tensors and the fixed-size parts.
x_el = 3 * 224 * 224            # conv1's input: the image
c1 = 64 * 112 * 112             # conv1's output: bn1's input; bn1's output is relu's (in place)
p = 64 * 56 * 56                # maxpool's output: layer1[0].conv1's and downsample's input
# Each tensor goes to the first op that saves it: maxpool's output to layer1[0].conv1, which saves it
# first (maxpool saves its input and indices, not its output), and downsample saves it again.
stem_floats = x_el + c1 + c1        # x, bn1's input, relu's output (= maxpool's input)
stem_bytes = B * (4 * stem_floats + 8 * p) + 2 * 64 * 4  # + int64 indices + bn1's mean and inv. std
w = 64 * 56 * 56                # layer1[0]'s 64-channel maps
o = 256 * 56 * 56               # its 256-channel maps
# maxpool's output (conv1's and downsample's input), conv1 out (bn1 in), relu1 out (conv2 in), conv2 out (bn2 in), relu2 out (conv3 in), conv3 out
# (bn3 in), downsample out (its bn's in), relu3 out (in place on bn3's output + identity)
block_floats = p + 4 * w + 3 * o
block_bytes = B * 4 * block_floats + 2 * 4 * (64 + 64 + 256 + 256)
print(f"by hand: stem {stem_bytes:,} B; layer1[0] {block_bytes:,} B")
assert total["stem"] == stem_bytes, (total["stem"], stem_bytes)
assert total["layer1[0]"] == block_bytes, (total["layer1[0]"], block_bytes)

# The whole network, by the same hooks: every activation saved once, at batch 32.
seen.clear()
order.clear()
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    logits = model(x)
whole = sum(seen[ptr][3] for ptr in order)
print(f"whole network, batch {B}: {whole:,} B saved, {len(order)} storages")


def bottleneck(c_in, size, width, out, stride):
    """Saved floats per sample and fixed bytes of one bottleneck whose input someone else saved."""
    after = size // stride
    floats = 2 * width * size * size + 2 * width * after * after + 2 * out * after * after
    stats = width + width + out
    if stride != 1 or c_in != out:
        floats += out * after * after  # downsample's output, its batch norm's input
        stats += out
    return floats, 2 * 4 * stats, after


floats, fixed = stem_floats + p, 2 * 64 * 4  # the stem, and maxpool's output
indices = 8 * p
c, size = 64, 56
for width, out, blocks, stride in [(64, 256, 3, 1), (128, 512, 4, 2), (256, 1024, 6, 2), (512, 2048, 3, 2)]:
    for i in range(blocks):
        f, b, size = bottleneck(c, size, width, out, stride if i == 0 else 1)
        floats, fixed, c = floats + f, fixed + b, out
floats += 2048  # fc's input: the pooled features (avgpool saves its input, layer4's output, saved already)
whole_by_hand = B * (4 * floats + indices) + fixed
print(f"by hand: {whole_by_hand:,} B ({floats:,} floats and {indices // 8:,} int64 indices per sample,"
      f" {fixed:,} B of batch norm statistics)")
assert whole == whole_by_hand, (whole, whole_by_hand)

# Model states of SGD with momentum, float32.
small = torchvision.models.resnet50()
opt = torch.optim.SGD(small.parameters(), lr=0.1, momentum=0.9)
small(torch.randn(2, 3, 224, 224)).sum().backward()
opt.step()
n = sum(q.numel() for q in small.parameters())
weights = sum(q.numel() * q.element_size() for q in small.parameters())
grads = sum(q.grad.numel() * q.grad.element_size() for q in small.parameters())
momentum = sum(s["momentum_buffer"].numel() * s["momentum_buffer"].element_size() for s in opt.state.values())
buf = sum(b.numel() * b.element_size() for name, b in small.named_buffers() if not name.endswith("num_batches_tracked"))
print(f"parameters {n:,}; weights {weights:,} B, gradients {grads:,} B, momentum {momentum:,} B;"
      f" buffers (running mean and var) {buf:,} B")
assert weights == grads == momentum == 25_557_032 * 4
