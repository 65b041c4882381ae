package dev.netcost.processor.model;

import dev.netcost.processor.model.expr.ValueType;
import java.util.Optional;

/**
 * A block parameter: an element of the block's annotation interface.
 *
 * @param defaultValue {@code Long} or {@code Boolean}, if the element has a default
 * @param firstOnly    {@code @FirstOnly}: later repeats take the default
 */
public record ParamDecl(String name, ValueType type, Optional<Object> defaultValue, boolean firstOnly) {}
