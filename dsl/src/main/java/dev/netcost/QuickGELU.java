package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAI CLIP's {@code QuickGELU}, {@code x * sigmoid(1.702 * x)}: a cheaper approximation of GELU,
 * in CLIP's image and text transformers. No parameters; FLOPs {@code 5 * numel} (SiLU's 4 and the
 * scale by 1.702). Shape unchanged, in any layout.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface QuickGELU {}
