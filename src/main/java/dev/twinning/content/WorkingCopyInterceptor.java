package dev.twinning.content;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@WorkingCopy
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
class WorkingCopyInterceptor {

    private final WorkingCopies copies;

    WorkingCopyInterceptor(WorkingCopies copies) {
        this.copies = copies;
    }

    @AroundInvoke
    Object onWorkingCopies(InvocationContext invocation) throws Exception {
        return copies.run(invocation::proceed);
    }
}
