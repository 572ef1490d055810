// Toasts for the outcome of an action: a success names what was done, a failure carries the API's message
// (which names the field, the conflict or the engine's reason).
import { errorMessage } from "@gatehouse/client";
import { notifications } from "@mantine/notifications";

export const toast = {
  success: (message: string) => notifications.show({ color: "green", title: "Done", message }),
  failure: (error: unknown) =>
    notifications.show({ color: "red", title: "Not done", message: errorMessage(error), autoClose: 8000 }),
};
