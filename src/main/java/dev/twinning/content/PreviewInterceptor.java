package dev.twinning.content;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@Previewable
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
class PreviewInterceptor {

    private final WorkingCopies copies;
    private final ContentRequest request;

    PreviewInterceptor(WorkingCopies copies, ContentRequest request) {
        this.copies = copies;
        this.request = request;
    }

    @AroundInvoke
    Object previewWhenAsked(InvocationContext invocation) throws Exception {
        if (!request.preview()) {
            return invocation.proceed();
        }
        request.requireStaff();
        return copies.run(invocation::proceed);
    }
}
