package dev.vireo.protocol.ops;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request argument that may be left out (the component is then null). Read by the daemon when
 * it binds a request; the client never reads annotations (their proxies cost a call ~30 ms).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
