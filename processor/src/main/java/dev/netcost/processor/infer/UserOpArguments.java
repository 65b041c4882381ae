package dev.netcost.processor.infer;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.UserOpDecl;
import dev.netcost.processor.model.expr.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of an op you declare given by {@code @With} in a block: their expressions'
 * types, checked once in the block's declaration as a built-in op's are. Its attributes are named
 * by the user, so their faults go on the value of that name ({@link Fault#argument()}).
 */
final class UserOpArguments {
    private UserOpArguments() {}

    /** {@code se: squeeze = "stride > 1": gives a boolean where an int is needed}. */
    static List<Fault> typeErrors(String field, OpTemplate.User user, Map<String, ValueType> scope) {
        List<Fault> faults = new ArrayList<>();
        for (UserOpDecl.Attribute attr : user.decl().attrs()) {
            if (user.values().get(attr.name()) instanceof AttrValue.Expression expr) {
                ValueType wanted = attr.kind() == Attr.Kind.BOOLEAN ? ValueType.BOOLEAN : ValueType.INT;
                Optional<String> why = DeclarationChecks.typeError(expr, wanted, scope,
                        attr.kind() == Attr.Kind.INTS);
                if (why.isPresent()) {
                    faults.add(Message.EXPRESSION_INVALID.onArgument(attr.name(), field + ": " + attr.name(),
                            expr.text(), why.get()));
                }
            }
        }
        return faults;
    }
}
