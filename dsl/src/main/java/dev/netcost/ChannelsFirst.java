package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A channels-last map ({@code @ChannelsLast}) with its channels moved back in front, as
 * {@code x.permute(0, 3, 1, 2)}: {@code (H, W, C)} to {@code (C, H, W)}. A view: free.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ChannelsFirst {}
