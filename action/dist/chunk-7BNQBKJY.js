var s=class extends Error{};export{s as a};
